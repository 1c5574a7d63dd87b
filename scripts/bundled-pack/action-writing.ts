// The shape of what the bundled pack says a participant did, as written by hand in ./participants.
import type { ParticipantRelation, ParticipantStatus } from '../../core/pack/types';

export interface ActionWriting {
  event: string;
  date: string;
  summary: string;
  /** Research sources of this action; all the participant's sources when left out. */
  sources?: string[];
  dateNote?: string;
}
export interface ParticipantWriting {
  relation: ParticipantRelation;
  status?: ParticipantStatus;
  actions: ActionWriting[];
  /** A name instead of the research's display name. */
  name?: string;
}

/** The day of the Instagram freeze, the day most freeze actions are dated by. */
export const FREEZE_DAY = '2020-09-16';
