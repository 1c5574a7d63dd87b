// What kind of evidence each research source is, for the bundled pack. One reviewed entry per
// source the pack cites; scripts/make-bundled-pack.ts stops on a cited source missing here.
//
// - own-statement: the participant's or the campaign's own site, release, statement or post, also
//   when a news or finance site carries the statement word for word (Pfizer's, via MarketScreener);
// - major-outlet: an established news organisation with its own newsroom and national or
//   international reach, including the long-standing trade press (Ad Age, WWD, Footwear News) and
//   wire copy carried under the agency's name (AP via KCRG, AFP via the Jamaica Observer, Reuters
//   via Nasdaq or Automotive News);
// - other: radio-station lists, entertainment aggregators, blogs, reposts on blogs, copies on
//   unrelated sites, content farms, Wikipedia, advocacy directories, and anything in doubt.
//   The research's own labels decide the doubtful cases: a participant it marks `medium`
//   ("secondary/aggregator sources only") gets no major outlet here either.
import type { SourceKind } from '../../core/pack/types';

const OWN_STATEMENTS = {
  S30: 'PR Newswire: the Stop Hate for Profit coalition release of 14 September 2020',
  S31: "NHMC's own Week of Action toolkit page",
  S33: "stophateforprofit.org: the campaign's demands",
  S34: "stophateforprofit.org: the campaign's FAQ",
  S35: "stophateforprofit.org: the campaign's home page",
  S36: "stophateforprofit.org: the coalition's update to advertisers",
  S53: "Levi Strauss & Co.'s own blog (its chief marketing officer)",
  S66: "Pfizer's statement, carried in full by MarketScreener",
  S67: "The LEGO Group's own news page",
  S69: "Mozilla's own blog",
  S70: "the Mozilla Foundation's own blog",
  S71: "NHMC's own statement",
  S90: "Facebook's own newsroom (the audit it published)",
};

const MAJOR_OUTLETS = {
  S01: 'Insider',
  S02: 'Axios',
  S03: 'Variety',
  S05: 'Associated Press, via KCRG',
  S06: 'The Hollywood Reporter',
  S07: 'New York Daily News',
  S11: 'The Times of Israel',
  S12: 'The Jerusalem Post / JTA',
  S13: 'The Forward',
  S14: 'Footwear News',
  S15: 'WWD',
  S23: 'DNA India',
  S24: 'Ad Age',
  S25: 'CBS News',
  S27: 'TimesLIVE (South Africa)',
  S28: 'The Telegraph, via Yahoo UK',
  S37: 'KQED',
  S40: 'New York Daily News',
  S45: 'CNBC',
  S46: 'Fox Business',
  S47: 'The Daily Beast',
  S49: 'Variety',
  S51: 'AFP, via the Jamaica Observer',
  S54: 'Business Insider',
  S55: 'Fox Business',
  S56: 'Hindustan Times (HT Auto)',
  S58: 'Fox Business',
  S59: 'USA Today',
  S60: 'Reuters, via Automotive News',
  S61: 'Ad Age',
  S62: 'Fox Business',
  S63: 'Footwear News',
  S64: 'Business Insider',
  S65: 'The Daily Beast',
  S68: 'Reuters',
  S73: 'USA Today',
  S74: 'Footwear News',
  S76: 'Engadget',
  S77: 'Bloomberg, via Mint',
  S80: 'Reuters, via Nasdaq',
  S83: 'USA Today',
  S92: 'Deseret News',
  S102: 'Business Insider India',
};

const OTHERS = {
  S04: 'Mediaite: a media-news site built on embedded posts',
  S08: "WRMF 97.9: a radio station's list",
  S09: 'getheard.today: a small news site',
  S10: "Q96.1: a radio station's page",
  S17: "Indulgexpress: a newspaper's celebrity lifestyle site",
  S18: 'Hashtag Legend: a celebrity blog',
  S19: 'yaay.today: an aggregator',
  S20: 'Big Celebrity Buzz: an aggregator',
  S21: 'MEAWW: an entertainment aggregator',
  S22: 'Movieplayer.it: an entertainment site',
  S29: 'InsideHook: a lifestyle site',
  S32: 'The Tennessee Tribune: a local weekly',
  S38: "Spinster Sisters Co.: a participating shop's blog",
  S39: "bindlesnitch.com: a blog's repost of the coalition's statement",
  S41: 'ITPro: an IT trade site',
  S42: "Crooks and Liars: a blog's repost of the launch release",
  S43: 'Wikipedia',
  S44: 'InfluenceWatch: an advocacy directory',
  S48: 'upnewsinfo: a copy of a CNN story on an unrelated site',
  S50: 'u.fooo.ooo: a copy of a CNBC story on a content farm',
  S52: 'Seeking Alpha: a finance news feed',
  S57: 'The Truth About Cars: a car blog',
  S72: 'Refinery29: a lifestyle site',
  S75: 'SNEWS: an outdoor-industry trade blog',
  S78: 'Seeking Alpha: a finance news feed',
  S81: 'newsdio: a copy of a CNN story on a content farm',
  S84: 'ITPro: an IT trade site retelling a Reuters interview',
  S85: "a copy of an Economist article in someone's code repository",
  // Its own statement about joining, but cited here only for the launch, which it did not make.
  S86: "Mercy For Animals' blog",
  S87: 'hypertexthero.com: a personal link blog',
  S91: "LiveJournal: a fan community's post",
  S93: 'FashionUnited: a fashion trade site',
  S99: "HispanicallyYours: a blog's tag page",
  S100: "Driving.ca: a newspaper group's car site",
  S101: 'Canyon News: a small local site',
  S105: 'The Breaking Times: a copy of a CNN story',
  S107: 'fintechzoom: a copy of a CNBC story on a content farm',
  S110: 'Dailymast: a small news site',
  S111: "Poetic Business: a blog embedding Ben & Jerry's post",
};

export const SOURCE_KINDS: ReadonlyMap<string, SourceKind> = new Map([
  ...Object.keys(OWN_STATEMENTS).map((id) => [id, 'own-statement'] as const),
  ...Object.keys(MAJOR_OUTLETS).map((id) => [id, 'major-outlet'] as const),
  ...Object.keys(OTHERS).map((id) => [id, 'other'] as const),
]);
