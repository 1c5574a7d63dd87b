// Second pass of the pack validator: the JSON Schema, checked by ajv code compiled ahead of time
// (the extension's CSP allows no `new Function`), its errors worded from keyword and JSON path
// for people who write packs.
import { validateAll, validateFast, type SchemaError } from './schema-validator.generated';
import { PACK_FORMAT, type PackIssue } from './types';
import {
  CORRECTIONS_MESSAGE,
  DATE_MESSAGE,
  ID_MESSAGE,
  Issues,
  TIME_ZONE_MESSAGE,
  URL_MESSAGE,
  VERSION_MESSAGE,
  clip,
  describe,
  isPlainObject,
  pointer,
  type Obj,
} from './validate-issues';

function parsePointer(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let value = root;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = Object.prototype.hasOwnProperty.call(value, segment)
      ? (value as Obj)[segment]
      : undefined;
  }
  return value;
}

/** Messages for fields whose name says what they hold, whatever the failing keyword. */
function fieldMessage(
  field: string,
  error: SchemaError,
  segments: readonly string[],
  root: unknown,
): string | null {
  const value = valueAt(root, segments);
  const isType = error.keyword === 'type';
  switch (field) {
    case 'format':
      return segments.length === 1
        ? `must be "${PACK_FORMAT}" (this version of Picket reads format 1 only)`
        : null;
    case 'version':
      return segments.length === 1 ? VERSION_MESSAGE : null;
    case 'updatedAt':
    case 'start':
    case 'end':
    case 'date':
      return DATE_MESSAGE;
    case 'url':
      return isType ? `must be a URL (text), not ${describe(value)}` : URL_MESSAGE;
    case 'corrections':
      return isType
        ? `must be a URL or a mailto: address (text), not ${describe(value)}`
        : CORRECTIONS_MESSAGE;
    case 'timeZone':
      return TIME_ZONE_MESSAGE;
    case 'platform':
      return 'must be instagram or facebook';
    case 'numericId':
      return 'not a valid Facebook numeric id (5–20 digits, as text)';
    case 'handle': {
      const platform = valueAt(root, segments.slice(0, -1));
      if (isPlainObject(platform) && platform.platform === 'facebook') {
        return error.keyword === 'not'
          ? 'a Facebook username cannot be all digits (put a numeric id in numericId)'
          : 'not a valid Facebook username';
      }
      return 'not a valid Instagram username';
    }
    case 'sources[]':
      return isType ? `must be a source id, not ${describe(value)}` : ID_MESSAGE;
    case 'event':
      return isType ? `must be an event id, not ${describe(value)}` : ID_MESSAGE;
    case 'id':
      if (segments.length === 1) return 'not a valid pack id (3–64 of a-z 0-9 -)';
      return isType ? `must be text, not ${describe(value)}` : ID_MESSAGE;
  }
  return null;
}

/**
 * ajv errors that another error of the same run already explains: the `if` of a failing `then`, the
 * alternatives of a date (its patterns are reported), the two `required` of "handle or numericId"
 * (their anyOf is reported).
 */
function explainedElsewhere(error: SchemaError): boolean {
  switch (error.keyword) {
    case 'if':
      return true;
    case 'required':
      return error.schemaPath.includes('/anyOf/');
    case 'anyOf':
      return !/\/accounts\/\d+$/.test(error.instancePath);
  }
  return false;
}

/** One ajv error as a path and a message, or null for errors another error already explains. */
function schemaIssue(error: SchemaError, root: unknown): PackIssue | null {
  if (explainedElsewhere(error)) return null;
  const segments = parsePointer(error.instancePath);
  const last = segments[segments.length - 1];
  const parent = segments[segments.length - 2];
  const isItem =
    last !== undefined && /^\d+$/.test(last) && Array.isArray(valueAt(root, segments.slice(0, -1)));
  const field = isItem ? `${parent ?? ''}[]` : (last ?? '');
  const path = (...extra: string[]) => pointer(segments.concat(extra));
  const { keyword, params } = error;
  switch (keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      // Only the top level has no `x-` extensions: a pack's envelope is fixed.
      const hint = segments.length === 0 ? '' : ' (extensions must start with "x-")';
      return { path: path(key), message: `unknown key "${clip(key)}"${hint}` };
    }
    case 'required': {
      const key = String(params.missingProperty);
      if (key === 'handle' && parent === 'accounts')
        return { path: path(key), message: 'an Instagram account needs a handle' };
      return { path: path(key), message: `missing required key "${key}"` };
    }
    case 'anyOf': // only an account's "handle or numericId" gets here
      return { path: path(), message: 'a Facebook account needs a handle or a numericId' };
    case 'false schema':
      return {
        path: path(),
        message:
          last === 'numericId' ? 'numericId is only for Facebook accounts' : 'not allowed here',
      };
    case 'minItems':
      return {
        path: path(),
        message:
          field === 'sources'
            ? 'must list at least one source'
            : `must list at least ${String(params.limit)}`,
      };
    case 'type':
      if (params.type === 'array')
        return {
          path: path(),
          message: `must be a list, not ${describe(valueAt(root, segments))}`,
        };
      if (params.type === 'object')
        return {
          path: path(),
          message: `must be an object, not ${describe(valueAt(root, segments))}`,
        };
      break;
  }
  const special = fieldMessage(field, error, segments, root);
  if (special !== null) return { path: path(), message: special };
  switch (keyword) {
    case 'type':
      return { path: path(), message: `must be text, not ${describe(valueAt(root, segments))}` };
    case 'maxLength':
      return {
        path: path(),
        message: `longer than ${Number(params.limit).toLocaleString('en')} characters`,
      };
    case 'pattern':
      return { path: path(), message: 'must not be empty' };
    case 'enum':
      return {
        path: path(),
        message: `must be one of ${(params.allowedValues as unknown[]).join(', ')}`,
      };
  }
  return { path: path(), message: `does not match the pack format (${keyword})` };
}

export function checkSchema(pack: unknown, issues: Issues): void {
  // Most packs are valid: the stop-at-first-problem validator settles those at full speed.
  if (validateFast(pack)) return;
  validateAll(pack);
  let previous = '';
  for (const error of validateAll.errors ?? []) {
    if (issues.saturated) {
      // A million broken accounts: count them without wording each one. Errors about the same
      // value come one after another, so neighbours stand in for the set of problems seen.
      const { instancePath, params } = error;
      const key = `${instancePath}/${String(params.missingProperty ?? params.additionalProperty ?? '')}`;
      if (!explainedElsewhere(error) && key !== previous) issues.count++;
      previous = key;
      continue;
    }
    const issue = schemaIssue(error, pack);
    if (issue) issues.add(issue.path, issue.message);
  }
}
