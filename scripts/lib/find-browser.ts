// Finds a Chromium-family browser that can load Picket unpacked, for `npm start`, the browser
// tests and the bench; when there is none, one line saying what to install on this system.
//
// The search is pure (environment, platform and an `exists` check are passed in) so it can be
// tested for every platform on any machine; findBrowserHere() runs it on this one.
//
// Order: PICKET_CHROMIUM when set (taken as given, and an error when nothing is there), then
// Chromium, Chrome for Testing and Brave at their usual places and on PATH. Google Chrome and
// Microsoft Edge are looked for too, but only to say why they cannot be used: since version 137
// their release builds ignore --load-extension, so they would start without Picket.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';

export type SearchPlatform = 'linux' | 'darwin' | 'win32' | (string & {});

export interface BrowserSearch {
  env: Readonly<Record<string, string | undefined>>;
  platform: SearchPlatform;
  /** Whether an executable file is at this path. */
  exists: (path: string) => boolean;
  /** The text of /etc/os-release on Linux, to name the right package manager. */
  osRelease?: string;
}

export type BrowserSearchResult =
  { ok: true; path: string; name: string } | { ok: false; message: string };

type Family = 'Chromium' | 'Chrome for Testing' | 'Brave' | 'Google Chrome' | 'Microsoft Edge';

/** Families whose release builds still load an unpacked extension from the command line. */
const USABLE: readonly Family[] = ['Chromium', 'Chrome for Testing', 'Brave'];
const UNUSABLE: readonly Family[] = ['Google Chrome', 'Microsoft Edge'];

/** Executable names looked up on PATH (Windows adds `.exe`). */
const PATH_NAMES: Record<Family, string[]> = {
  Chromium: ['chromium', 'chromium-browser'],
  'Chrome for Testing': [],
  Brave: ['brave-browser', 'brave'],
  'Google Chrome': ['google-chrome', 'google-chrome-stable', 'chrome'],
  'Microsoft Edge': ['microsoft-edge', 'microsoft-edge-stable', 'msedge'],
};

function linuxPlaces(family: Family): string[] {
  switch (family) {
    case 'Chromium':
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/lib/chromium/chromium',
        '/snap/bin/chromium',
      ];
    case 'Chrome for Testing':
      return ['/opt/google/chrome-for-testing/chrome'];
    case 'Brave':
      return ['/usr/bin/brave-browser', '/opt/brave.com/brave/brave-browser', '/snap/bin/brave'];
    case 'Google Chrome':
      return [
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
      ];
    case 'Microsoft Edge':
      return [
        '/usr/bin/microsoft-edge',
        '/usr/bin/microsoft-edge-stable',
        '/opt/microsoft/msedge/msedge',
      ];
  }
}

const MAC_APPS: Record<Family, string> = {
  Chromium: 'Chromium.app/Contents/MacOS/Chromium',
  'Chrome for Testing': 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
  Brave: 'Brave Browser.app/Contents/MacOS/Brave Browser',
  'Google Chrome': 'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Microsoft Edge': 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
};

function macPlaces(family: Family, env: BrowserSearch['env']): string[] {
  const app = MAC_APPS[family];
  const places = [`/Applications/${app}`];
  if (env.HOME) places.push(`${env.HOME}/Applications/${app}`);
  return places;
}

const WINDOWS_APPS: Record<Family, string> = {
  Chromium: 'Chromium\\Application\\chrome.exe',
  'Chrome for Testing': 'Google\\Chrome for Testing\\Application\\chrome.exe',
  Brave: 'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
  'Google Chrome': 'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft Edge': 'Microsoft\\Edge\\Application\\msedge.exe',
};

/** Windows environment names are case-insensitive; a plain object is not. */
function windowsVariable(env: BrowserSearch['env'], name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key] || undefined;
}

function windowsPlaces(family: Family, env: BrowserSearch['env']): string[] {
  const roots = ['LOCALAPPDATA', 'PROGRAMFILES', 'PROGRAMFILES(X86)']
    .map((name) => windowsVariable(env, name))
    .filter((root): root is string => root !== undefined);
  return roots.map((root) => `${root.replace(/[\\/]+$/, '')}\\${WINDOWS_APPS[family]}`);
}

function onPath(family: Family, search: BrowserSearch): string[] {
  const windows = search.platform === 'win32';
  const path = windows ? windowsVariable(search.env, 'PATH') : search.env.PATH;
  if (!path) return [];
  const separator = windows ? ';' : ':';
  const slash = windows ? '\\' : '/';
  const dirs = path.split(separator).filter((dir) => dir !== '');
  return PATH_NAMES[family].flatMap((name) =>
    dirs.map((dir) => `${dir.replace(/[\\/]+$/, '')}${slash}${name}${windows ? '.exe' : ''}`),
  );
}

function placesOf(family: Family, search: BrowserSearch): string[] {
  const fixed =
    search.platform === 'darwin'
      ? macPlaces(family, search.env)
      : search.platform === 'win32'
        ? windowsPlaces(family, search.env)
        : linuxPlaces(family);
  return [...fixed, ...onPath(family, search)];
}

function osReleaseField(osRelease: string, field: string): string[] {
  const line = osRelease.split('\n').find((l) => l.startsWith(`${field}=`));
  if (!line) return [];
  return line
    .slice(field.length + 1)
    .replace(/^["']|["']$/g, '')
    .toLowerCase()
    .split(/\s+/);
}

/** The command that installs Chromium (or, where there is no packaged Chromium, Brave). */
export function installCommand(platform: SearchPlatform, osRelease = ''): string {
  if (platform === 'darwin') return 'brew install --cask chromium';
  if (platform === 'win32') return 'winget install Hibbiki.Chromium';
  if (platform !== 'linux') return 'install Chromium with your package manager';
  const ids = [...osReleaseField(osRelease, 'ID'), ...osReleaseField(osRelease, 'ID_LIKE')];
  // Ubuntu's "chromium" packages only install the snap, so ask for the snap directly.
  if (ids[0] === 'ubuntu') return 'sudo snap install chromium';
  if (ids.includes('debian') || ids.includes('ubuntu')) return 'sudo apt-get install -y chromium';
  if (ids.includes('fedora') || ids.includes('rhel')) return 'sudo dnf install -y chromium';
  if (ids.includes('arch')) return 'sudo pacman -S chromium';
  if (ids.some((id) => id.startsWith('opensuse') || id === 'suse'))
    return 'sudo zypper install chromium';
  if (ids.includes('alpine')) return 'sudo apk add chromium';
  return 'install Chromium with your package manager (e.g. sudo apt-get install -y chromium)';
}

/** Finds the browser to use, or the one line to show instead. Never throws. */
export function findBrowser(search: BrowserSearch): BrowserSearchResult {
  const install = installCommand(search.platform, search.osRelease);
  const chosen =
    search.platform === 'win32'
      ? windowsVariable(search.env, 'PICKET_CHROMIUM')
      : search.env.PICKET_CHROMIUM;
  if (chosen) {
    if (search.exists(chosen)) return { ok: true, path: chosen, name: 'PICKET_CHROMIUM' };
    return {
      ok: false,
      message:
        `PICKET_CHROMIUM is set to ${chosen}, but there is no browser there: point it at ` +
        `Chromium, Chrome for Testing or Brave, or unset it and install Chromium: ${install}`,
    };
  }
  for (const family of USABLE) {
    const path = placesOf(family, search).find((place) => search.exists(place));
    if (path) return { ok: true, path, name: family };
  }
  for (const family of UNUSABLE) {
    const path = placesOf(family, search).find((place) => search.exists(place));
    if (path) {
      return {
        ok: false,
        message:
          `Found ${family} (${path}), but its release builds no longer load unpacked extensions ` +
          `from the command line; install Chromium: ${install} (or set PICKET_CHROMIUM to it)`,
      };
    }
  }
  return {
    ok: false,
    message:
      `No Chromium-family browser found (Chromium, Chrome for Testing or Brave); ` +
      `install Chromium: ${install} (or set PICKET_CHROMIUM to one)`,
  };
}

// ---------------------------------------------------------------------------------------------
// On this machine.

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function readOsRelease(): string {
  for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      // Try the next one; without either the hint is a generic one.
    }
  }
  return '';
}

/** Runs the search with this process's environment and file system. */
export function findBrowserHere(): BrowserSearchResult {
  return findBrowser({
    env: process.env,
    platform: process.platform,
    exists: isExecutableFile,
    osRelease: process.platform === 'linux' ? readOsRelease() : undefined,
  });
}

/** Thrown by requireBrowser(); its message is the one line for the user. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

let found: string | undefined;

/** The browser's path on this machine (searched once); throws BrowserNotFoundError. */
export function requireBrowser(): string {
  if (found !== undefined) return found;
  const result = findBrowserHere();
  if (!result.ok) throw new BrowserNotFoundError(result.message);
  found = result.path;
  return found;
}
