// People and brands of the September 2020 Instagram freeze, and what each of them did.
import { FREEZE_DAY, type ActionWriting, type ParticipantWriting } from './action-writing';

const ON_FREEZE_DAY =
  'The research gives no day for the post; this is the freeze day it was about.';
const freezeAction = (summary: string, date = FREEZE_DAY): ActionWriting => ({
  event: 'freeze-day',
  date,
  summary,
  ...(date === FREEZE_DAY && { dateNote: ON_FREEZE_DAY }),
});
const reportedOnly = (summary: string): ParticipantWriting => ({
  relation: 'listed',
  actions: [{ ...freezeAction(summary), dateNote: 'The freeze day these lists are about.' }],
});

/** People and brands of the Instagram freeze. */
export const FREEZE_PARTICIPANTS: Record<string, ParticipantWriting> = {
  'P-KKW': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Froze her Instagram and Facebook accounts on the freeze day, as reported that day',
        sources: ['S23', 'S28'],
      },
      freezeAction(
        'Announced on 15 September that she would freeze her Instagram and Facebook accounts on the freeze day, and said her brands SKIMS, KKW Beauty and KKW Fragrance would go dark too',
        '2020-09-15',
      ),
    ],
  },
  'P-KP': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Said on Instagram on 15 September that she would freeze her Instagram and Facebook accounts on the freeze day, tagging ADL, NAACP and Color Of Change',
        '2020-09-15',
      ),
    ],
  },
  'P-LDC': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Posted on Instagram that he stood with Color Of Change, ADL and NAACP, and asked his followers to join him in not posting for 24 hours on the freeze day',
      ),
    ],
  },
  'P-DL': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Posted a statement about hate and false information on the platforms, then logged off Facebook and Instagram on the freeze day',
      },
    ],
  },
  'P-AK': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Tweeted his support on 15 September and was named by the campaign among those joining the 24-hour freeze',
        '2020-09-15',
      ),
    ],
  },
  'P-SBC': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary:
          'Said on Twitter on 14 September that he would freeze his Instagram, and posted the freeze notice there on the freeze day',
      },
    ],
  },
  'P-KW': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Tweeted her support on 15 September and was named among the celebrities freezing Instagram',
        '2020-09-15',
      ),
    ],
  },
  'P-MR': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      {
        event: 'freeze-day',
        date: FREEZE_DAY,
        summary: 'Posted a freeze notice on Instagram on the freeze day',
      },
    ],
  },
  'P-MBJ': {
    relation: 'joined',
    status: 'took-part',
    actions: [
      freezeAction(
        'Named by the campaign and the press among those joining the 24-hour freeze, and put a "Stop Hate" tile on his Instagram feed',
      ),
    ],
  },
  'P-JF': reportedOnly('Named in the press among the celebrities joining the 24-hour freeze'),
  'P-JA': reportedOnly('Named in the press among the celebrities joining the 24-hour freeze'),
  'P-AS': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        "Named among the freeze's participants, and posted that Facebook's algorithms recommend hateful groups",
      ),
    ],
  },
  'P-SS': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        "Named among the freeze's participants, and said she would stay off social media for longer than one day",
      ),
    ],
  },
  'P-NC': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        'Posted that on the Wednesday she would freeze her Instagram account to tell Facebook to stop hate for profit',
      ),
    ],
  },
  'P-OB': reportedOnly('Named in the press among the celebrities freezing Instagram on the day'),
  'P-KH': reportedOnly("Named only in published lists of the freeze's participants"),
  'P-IF': reportedOnly("Named only in published lists of the freeze's participants"),
  'P-RD': reportedOnly(
    "Named in a radio station's list of the stars freezing their accounts; no other source seen says she did",
  ),
  'P-SB': reportedOnly(
    "Named in one radio station's list of the freeze's participants, and in no other source seen",
  ),
  'P-DW': reportedOnly('Named by The Hollywood Reporter among those taking part in the freeze'),
  'P-CD': reportedOnly(
    'Reported only by entertainment sites to have said she would join, inviting her followers to do the same',
  ),
  'P-OW': reportedOnly(
    'Named among the celebrities who vowed to stay off Instagram and Facebook for the day',
  ),
  'P-RDJ': reportedOnly(
    'Reported only by entertainment sites to have posted that he was freezing his Instagram for 24 hours, asking followers to join him',
  ),
  'B-SKIMS': {
    relation: 'joined',
    status: 'announced',
    actions: [
      freezeAction(
        "Kim Kardashian West said on 15 September that the brand's Instagram and Facebook accounts would go dark on the freeze day",
        '2020-09-15',
      ),
    ],
  },
};
