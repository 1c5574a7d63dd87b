// Bench pages: a synthetic Instagram home feed in the 2024–26 markup (the home-feed post header
// as the real site writes it). Plain JS ES module so the same
// code builds posts in the page (stream.js, via DOM calls) and in Node (the big page, as HTML
// text): both scenarios see exactly the same markup. Nothing here is copied from a saved page;
// the shapes follow the documented patterns (author link with span[dir=auto], avatar in a
// span[role=link] that is not an anchor, caption mentions, comments, non-account /p/ links).

/** Handles of accounts that every bench pack lists (`m_0` … `m_<n-1>` in base 36). */
export function memberHandle(index) {
  return 'm_' + index.toString(36);
}

/** Handles that no bench pack lists: the page's other accounts. */
export function outsiderHandle(index) {
  return 'guest.' + index.toString(36);
}

/**
 * The same members' Facebook usernames (the stream pack lists both), for the saved Facebook
 * pages: Facebook usernames are letters, digits and dots, at least five characters.
 */
export function facebookMemberHandle(index) {
  return 'benchmember' + index.toString(36);
}

/** Facebook usernames that no bench pack lists. */
export function facebookOutsiderHandle(index) {
  return 'benchguest' + index.toString(36);
}

/** How many distinct members the pages use (every bench pack has at least this many). */
export const PAGE_MEMBERS = 200;
const PAGE_OUTSIDERS = 2_000;

/** Small, seeded PRNG (mulberry32) so every run and every variant sees identical pages. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickHandle(rand, memberShare) {
  return rand() < memberShare
    ? memberHandle(Math.floor(rand() * PAGE_MEMBERS))
    : outsiderHandle(Math.floor(rand() * PAGE_OUTSIDERS));
}

const WORDS = 'sun coffee beach city night friends weekend new drop launch live tour studio'.split(
  ' ',
);

/**
 * The posts of a feed: one author each (30 % are pack members), 0–2 caption mentions and two
 * comments whose authors are members 20 % of the time.
 */
export function makePosts(count, seed = 1) {
  const rand = random(seed);
  const posts = [];
  for (let id = 0; id < count; id++) {
    const words = [];
    for (let w = 0; w < 8; w++) words.push(WORDS[Math.floor(rand() * WORDS.length)]);
    const mentions = [];
    const mentionCount = Math.floor(rand() * 3);
    for (let m = 0; m < mentionCount; m++) mentions.push(pickHandle(rand, 0.2));
    posts.push({
      id,
      code: 'C' + (1e9 + id * 7919).toString(36) + 'x',
      author: pickHandle(rand, 0.3),
      words,
      mentions,
      comments: [0, 1].map(() => ({
        author: pickHandle(rand, 0.2),
        text: words.slice(0, 3 + Math.floor(rand() * 4)).join(' '),
      })),
      likes: Math.floor(rand() * 50_000),
    });
  }
  return posts;
}

export function isMember(handle) {
  return handle.startsWith('m_');
}

// A 1×1 transparent GIF: images load instantly and never touch the network.
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const LINK_CLASSES =
  'x1i10hfl xjbqb8w x1ejq31n x18oe1m7 x1sy0etr xstzfhl x972fbf x10w94by x1qhh985 x14e42zd ' +
  'x9f619 x1ypdohk xt0psk2 x3ct3a4 xdj266r x14z9mp xat24cr x1lziwak xexx8yu xyri2b x18d9i69 ' +
  'x1c1uobl x16tdsg8 x1hl2dhg xggy1nq x1a2a7pz notranslate _a6hd';
const NAME_CLASSES = '_ap3a _aaco _aacw _aacx _aad7 _aade';
const TEXT_CLASSES = '_ap3a _aaco _aacu _aacx _aad7 _aade';

// Tree form: [tag, attributes, ...children]; a string child is text.
function accountLink(handle, label) {
  return [
    'a',
    { class: LINK_CLASSES, href: `/${handle}/`, role: 'link', tabindex: '0' },
    [
      'div',
      { class: 'x9f619 x1n2onr6 x1ja2u2z' },
      ['span', { class: NAME_CLASSES, dir: 'auto' }, label],
    ],
  ];
}

function mentionLink(handle) {
  return [
    'a',
    { class: LINK_CLASSES, href: `/${handle}/`, role: 'link', tabindex: '0' },
    '@' + handle,
  ];
}

/** The caption: the author's words with 0–2 mentions, then a hashtag. */
function captionTree(post) {
  const caption = [
    'span',
    { class: TEXT_CLASSES, dir: 'auto' },
    post.words.slice(0, 4).join(' ') + ' ',
  ];
  for (const handle of post.mentions) caption.push(mentionLink(handle), ' ');
  caption.push(post.words.slice(4).join(' ') + ' ');
  caption.push([
    'a',
    { class: LINK_CLASSES, href: `/explore/tags/${post.words[0]}/`, role: 'link', tabindex: '0' },
    '#' + post.words[0],
  ]);
  return caption;
}

function commentTrees(post) {
  return post.comments.map((comment) => [
    'div',
    { class: 'x9f619 xjbqb8w x78zum5 x168nmei x13lgxp2 x5pf9jr xo71vjh x1uhb9sk' },
    ['span', { class: 'xt0psk2' }, accountLink(comment.author, comment.author)],
    ' ',
    ['span', { class: TEXT_CLASSES, dir: 'auto' }, ['span', {}, comment.text]],
  ]);
}

/** The avatar: a span[role=link] around the picture, not an anchor. */
function avatarTree(post) {
  return [
    'div',
    { class: 'x6s0dn4 x78zum5 xdt5ytf x5yr21d xl56j7k x1n2onr6 xh8yej3' },
    [
      'span',
      {
        class: 'xnz67gz x14yjl9h xudhj91 x18nykt9 xww2gxu',
        role: 'link',
        tabindex: '-1',
        style: 'height:32px;width:32px',
      },
      [
        'img',
        {
          alt: `${post.author}'s profile picture`,
          class: 'xpdipgo x972fbf',
          draggable: 'false',
          src: PIXEL,
        },
      ],
    ],
  ];
}

/** The header: avatar, author link, the post's time link and its menu button. */
function headerTree(post) {
  return [
    'div',
    { class: 'x9f619 xjbqb8w x78zum5 x168nmei x13lgxp2 x5pf9jr xo71vjh x1n2onr6' },
    avatarTree(post),
    [
      'div',
      { class: 'x9f619 x1n2onr6 x1ja2u2z x78zum5' },
      [
        'div',
        {},
        ['span', { class: 'xt0psk2' }, ['div', {}, accountLink(post.author, post.author)]],
      ],
      ['span', { class: 'x1lliihq', 'aria-hidden': 'true' }, ' • '],
      [
        'div',
        {},
        [
          'a',
          { class: LINK_CLASSES, href: `/p/${post.code}/`, role: 'link', tabindex: '0' },
          ['span', {}, ['time', { class: 'x1p4m5qa', datetime: '2026-11-29T10:00:00.000Z' }, '1d']],
        ],
      ],
    ],
    [
      'div',
      { class: 'x1i10hfl', role: 'button', tabindex: '0', 'aria-label': 'More options' },
      '…',
    ],
  ];
}

/** The photo and the row of action buttons under it. */
function mediaTrees(post) {
  return [
    [
      'div',
      { class: '_aagu' },
      [
        'div',
        { class: '_aagv', style: 'padding-bottom:100%' },
        [
          'img',
          {
            alt: `Photo by ${post.author}`,
            class: 'x5yr21d xu96u03 x10l6tqk',
            src: PIXEL,
            style: 'object-fit:cover',
          },
        ],
      ],
    ],
    [
      'section',
      { class: 'x6s0dn4 xrvj5dj x1o61qjw' },
      ...['Like', 'Comment', 'Share', 'Save'].map((label) => [
        'span',
        {},
        ['div', { class: 'x1i10hfl', role: 'button', tabindex: '0', 'aria-label': label }, label],
      ]),
    ],
  ];
}

/** One feed post as a tree. */
export function postTree(post) {
  const postLink = (path, child) => [
    'div',
    {},
    [
      'a',
      { class: LINK_CLASSES, href: `/p/${post.code}/${path}`, role: 'link', tabindex: '0' },
      child,
    ],
  ];
  return [
    'article',
    { class: 'x1lliihq x1n2onr6 xh8yej3 x1lq5wgf xgqcy7u x30kzoy x9jhf4c' },
    headerTree(post),
    ...mediaTrees(post),
    postLink('liked_by/', [
      'span',
      { class: 'x193iq5w' },
      `${post.likes.toLocaleString('en-US')} likes`,
    ]),
    [
      'div',
      { class: 'x9f619 xjbqb8w' },
      ['span', { class: 'xt0psk2' }, accountLink(post.author, post.author)],
      ' ',
      captionTree(post),
    ],
    postLink('comments/', ['span', {}, `View all ${post.comments.length + 10} comments`]),
    ...commentTrees(post),
    ['div', { class: 'x9f619' }, ['span', { class: 'x1lliihq' }, 'Add a comment…']],
  ];
}

/** Builds real DOM nodes from a tree (text via text nodes only: data never becomes markup). */
export function toDom(tree, doc) {
  if (typeof tree === 'string') return doc.createTextNode(tree);
  const [tag, attributes, ...children] = tree;
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.appendChild(toDom(child, doc));
  return element;
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Serialises a tree to HTML text, escaping every text and attribute value. */
export function toHtml(tree) {
  if (typeof tree === 'string') return escapeHtml(tree);
  const [tag, attributes, ...children] = tree;
  const attrs = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  if (tag === 'img') return `<${tag}${attrs}>`;
  return `<${tag}${attrs}>${children.map(toHtml).join('')}</${tag}>`;
}

/**
 * The account references a post holds, by surface: the post author (header and caption), the
 * caption mentions and the comment authors. Avatars are span[role=link] without a handle.
 */
export function postReferences(post) {
  return {
    author: [post.author, post.author],
    mention: [...post.mentions],
    comment: post.comments.map((c) => c.author),
  };
}
