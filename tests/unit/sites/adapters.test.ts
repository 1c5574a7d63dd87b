/**
 * The adapters on small hand-written pages that mimic the live structure. They cover what no saved
 * page shows (search, likes/followers dialogs, localised stories tray) and the rules the saved-page
 * test relies on (avatar links, grid tiles, subtree roots, altKeys).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adapterFor, ALL_ADAPTERS } from '../../../sites/index';
import type { AccountRef } from '../../../sites/types';
import { loadPage, type LoadedPage } from '../../pages/fixture-pages';

const opened: LoadedPage[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

function scan(markup: string, url: string): { refs: AccountRef[]; document: Document } {
  const page = loadPage(`<!doctype html><html><body>${markup}</body></html>`, url);
  opened.push(page);
  const adapter = adapterFor(new URL(url).hostname);
  if (!adapter) throw new Error(`no adapter for ${url}`);
  return { refs: adapter.findAccounts(page.document), document: page.document };
}

const brief = (refs: AccountRef[]) => refs.map((ref) => [ref.surface, ref.key]);

describe('adapterFor', () => {
  it.each([
    ['www.instagram.com', 'instagram'],
    ['instagram.com', 'instagram'],
    ['m.instagram.com', 'instagram'],
    ['www.facebook.com', 'facebook'],
    ['web.facebook.com', 'facebook'],
    ['m.facebook.com', 'facebook'],
    ['mbasic.facebook.com', 'facebook'],
  ])('%s → %s', (host, platform) => {
    expect(adapterFor(host)?.platform).toBe(platform);
  });

  it.each(['l.facebook.com', 'about.instagram.com', 'example.com', 'instagram.com.evil.example'])(
    '%s has none',
    (host) => {
      expect(adapterFor(host)).toBeNull();
    },
  );

  it('lists every adapter once', () => {
    expect(ALL_ADAPTERS.map((adapter) => adapter.platform)).toEqual(['instagram', 'facebook']);
  });
});

describe('Instagram adapter', () => {
  const IG = 'https://www.instagram.com/';

  it('badges the name link, not the avatar link beside it', () => {
    const { refs, document } = scan(
      `<main><article>
        <a href="/kimk/"><img alt="kimk's profile picture"></a>
        <a href="/kimk/"><span dir="auto">kimk</span></a>
        <a href="/p/ABC/"><time>1h</time></a>
      </article></main>`,
      IG,
    );
    expect(brief(refs)).toEqual([['post-author', 'kimk']]);
    expect(refs[0]?.nameElement).toBe(document.querySelectorAll('a')[1]);
  });

  it('reports both authors of a collab post, and the caption author', () => {
    const { refs } = scan(
      `<main><article>
        <a href="/kimk/">kimk</a> and <a href="/khloe/">khloe</a> • <a href="/p/ABC/"><time>2h</time></a>
        <a href="/kimk/">kimk</a> caption with <a href="/kourt/">@kourt</a>
        <a href="/fan_1/">fan_1</a> great
      </article></main>`,
      IG,
    );
    expect(brief(refs)).toEqual([
      ['post-author', 'kimk'],
      ['post-author', 'khloe'],
      ['post-author', 'kimk'],
      ['mention', 'kourt'],
      ['comment', 'fan_1'],
    ]);
  });

  it('never badges grid tiles, the viewer\'s "Profile" link or non-account routes', () => {
    const { refs } = scan(
      `<div><a href="/me_myself/"><img alt=""> Profile</a></div>
      <main><header><section><h2 dir="auto">kimk</h2>
        <a href="/kimk/followers/">10 followers</a><a href="/kimk/reels/" role="tab">Reels</a></section></header>
        <a href="/kimk/p/ABC/"><img alt="photo"></a><a href="/kimk/reel/DEF/"><img alt="reel"></a>
        <a href="/explore/tags/x/">#x</a><a href="/accounts/login/">Log in</a></main>`,
      'https://www.instagram.com/kimk/',
    );
    expect(brief(refs)).toEqual([['profile-header', 'kimk']]);
  });

  it('wants the username as a piece of the text, not a substring of it', () => {
    const { refs } = scan(
      `<div><a href="/pro/"><img alt=""> Profile</a></div>
      <main><div role="tablist"><a href="/ree/reels/" role="tab">Reels</a></div>
        <div><a href="/nasa/"><span>nasa</span><span>NASA</span></a></div></main>`,
      'https://www.instagram.com/ree/',
    );
    expect(refs.map((ref) => ref.key)).toEqual(['nasa']);
  });

  it('reads the stories tray from the button text, in any UI language', () => {
    const { refs } = scan(
      `<main><div role="menu"><ul>
        <li><button role="menuitem" aria-label="История пользователя kimk, не просмотрено">
          <div><span role="link"><img alt="Фото профиля kimk"></span></div><div><span>kimk</span></div></button></li>
        <li><button role="menuitem" aria-label="Your story"><div>Your story</div></button></li>
      </ul></div></main>`,
      IG,
    );
    expect(brief(refs)).toEqual([['stories-tray', 'kimk']]);
    expect(refs[0]?.nameElement.localName).toBe('span');
    expect(refs[0]?.nameElement.textContent).toBe('kimk');
  });

  it.each(['explore', 'settings', 'saved', 'report', 'Explore'])(
    'never takes Instagram\'s own word "%s" for an account, in a heading, a menu item or an alt text',
    (word) => {
      const profile = scan(
        `<main><header><section><h2>${word}</h2></section></header></main>`,
        'https://www.instagram.com/somebody/',
      );
      expect(profile.refs).toEqual([]);
      const menu = scan(
        `<div role="menu"><ul><li><button role="menuitem"><span>${word}</span></button></li>
          <li><button aria-label="Story by ${word}, not seen"><span>x y</span></button></li></ul></div>`,
        IG,
      );
      expect(menu.refs).toEqual([]);
      const avatar = scan(
        `<div role="dialog"><article><header><span role="link" tabindex="-1">
          <img alt="${word}'s profile picture"></span></header></article></div>`,
        IG,
      );
      expect(avatar.refs).toEqual([]);
      // The same places with a username still count.
      const real = scan(
        `<main><header><section><h2>${word}x</h2></section></header></main>`,
        'https://www.instagram.com/somebody/',
      );
      expect(brief(real.refs)).toEqual([['profile-header', `${word.toLowerCase()}x`]]);
    },
  );

  it('uses a header avatar only when no name link names the same account', () => {
    const { refs } = scan(
      `<div role="dialog"><article><header>
        <span role="link" tabindex="-1"><img alt="khloe's profile picture"></span>
        <span role="link" tabindex="-1"><img alt="kimk's profile picture"></span>
        <a href="/kimk/">kimk</a></header></article></div>`,
      IG,
    );
    expect(brief(refs)).toEqual([
      ['post-author', 'khloe'],
      ['post-author', 'kimk'],
    ]);
  });

  it('tells photo tags, comments and the likes line apart in a post', () => {
    const { refs } = scan(
      `<div role="dialog"><article>
        <div role="button"><ul><li><a href="/tagged_one/" tabindex="-1"><span>tagged_one</span></a></li></ul></div>
        <header><a href="/kimk/">kimk</a></header>
        <section><span>Liked by <a href="/liker/">liker</a> and <a href="/p/ABC/liked_by/">others</a></span></section>
        <ul><li><h3><a href="/commenter/">commenter</a></h3> nice <a href="/p/ABC/c/1/"><time>1w</time></a></li></ul>
      </article></div>`,
      'https://www.instagram.com/p/ABC/',
    );
    expect(brief(refs)).toEqual([
      ['photo-tag', 'tagged_one'],
      ['post-author', 'kimk'],
      ['other', 'liker'],
      ['comment', 'commenter'],
    ]);
  });

  // No saved page shows these: built from the live structure, see sites/instagram/selectors.ts.
  it('labels the likes and followers dialogs', () => {
    const likes = scan(
      `<div role="dialog" aria-label="Likes"><div><a href="/liker_a/">liker_a</a></div></div>`,
      'https://www.instagram.com/p/ABC/',
    );
    expect(brief(likes.refs)).toEqual([['likes-dialog', 'liker_a']]);
    const followers = scan(
      `<div role="dialog"><h1>Following</h1><div><a href="/followed_b/"><span>followed_b</span></a></div></div>`,
      'https://www.instagram.com/kimk/following/',
    );
    expect(brief(followers.refs)).toEqual([['followers-dialog', 'followed_b']]);
  });

  it('labels results in the search panel and on the search page', () => {
    const panel = scan(
      `<div><div><input aria-label="Search input" placeholder="Search"></div>
        <div><a href="/nasa/"><span>nasa</span><span>NASA</span></a></div></div>
       <main><article><header><a href="/kimk/">kimk</a></header></article></main>`,
      IG,
    );
    expect(brief(panel.refs)).toEqual([
      ['search', 'nasa'],
      ['post-author', 'kimk'],
    ]);
    const page = scan(
      `<main><a href="/nasa/">nasa</a></main>`,
      'https://www.instagram.com/explore/search/',
    );
    expect(brief(page.refs)).toEqual([['search', 'nasa']]);
  });

  it('labels reel authors by their /<user>/reels/ link', () => {
    const { refs } = scan(
      `<main><a href="/helga_luma/reels/"><img alt="Фото профиля helga_luma">helga_luma</a>
        <a href="/reels/audio/1/">Original audio</a></main>`,
      'https://www.instagram.com/reels/DUYDBGXgi8u/',
    );
    expect(brief(refs)).toEqual([['reel', 'helga_luma']]);
  });

  it('includes the root itself when handed a subtree, and dedupes per name element', () => {
    const { document } = scan(`<main><article><a href="/kimk/">kimk</a></article></main>`, IG);
    const link = document.querySelector('a');
    if (!link) throw new Error('no link');
    const adapter = adapterFor('www.instagram.com');
    expect(adapter?.findAccounts(link).map((ref) => ref.key)).toEqual(['kimk']);
    expect(adapter?.findAccounts(link)[0]?.origin).toBe(link);
    expect(link.matches(adapter?.candidates ?? '')).toBe(true);
  });
});

describe('Facebook adapter', () => {
  const FB = 'https://www.facebook.com/';

  it('keys a vanity link and carries the data-hovercard id as another key', () => {
    const { refs } = scan(
      `<div role="article"><h5><a href="https://www.facebook.com/Lastknight?fref=nf"
        data-hovercard="/ajax/hovercard/user.php?id=502992052">Matteo</a></h5></div>`,
      FB,
    );
    expect(refs.map((ref) => [ref.surface, ref.key, ref.altKeys])).toEqual([
      ['post-author', 'lastknight', ['id:502992052']],
    ]);
  });

  it('keys a vanity as Facebook compares it: without case or dots', () => {
    const { refs } = scan(
      `<div role="article"><h3><a href="https://www.facebook.com/Kim.Kardashian">Kim</a></h3>
        <h3><a href="https://www.facebook.com/kimkardashian">Kim</a></h3>
        <h3><a href="https://www.facebook.com/KIM.KAR.DASHIAN?fref=nf">Kim</a></h3></div>`,
      FB,
    );
    expect(refs.map((ref) => ref.key)).toEqual(['kimkardashian', 'kimkardashian', 'kimkardashian']);
  });

  it('never reports l.php redirects, messages, stories or avatar links', () => {
    const { refs } = scan(
      `<main role="main">
        <a href="https://l.facebook.com/l.php?u=x" data-hovercard="/ajax/hovercard/page.php?id=555637211183957">A game</a>
        <a href="/messages/t/100009817873523/">Sara</a>
        <a href="/stories/100009817873523/UzpfSVNDOjg/" aria-label="Sara's Story">Sara</a>
        <a href="/eva.483" aria-hidden="true" tabindex="-1"></a>
        <a href="/eva.483" aria-label="Eva Ramírez"><svg></svg>Active now</a>
      </main>`,
      FB,
    );
    expect(refs).toEqual([]);
  });

  it('skips the viewer navigation (shortcuts, banner)', () => {
    const { refs } = scan(
      `<div role="navigation" aria-label="Shortcuts"><ul><li><a href="/profile.php?id=100058795599132">Me</a></li></ul></div>
       <div role="main"><h4><a href="/Indiancricketsarcasm1">Indian Cricket Sarcasm</a></h4></div>`,
      FB,
    );
    expect(brief(refs)).toEqual([['post-author', 'indiancricketsarcasm1']]);
  });

  it('reports comment authors and mentions inside comments', () => {
    const { refs } = scan(
      `<div role="article"><h2><a href="/PowerMacCenter">Power Mac Center</a></h2>
        <div role="article" aria-label="Comment by ATOMM Studios 2 days ago">
          <a href="/atommstudios?comment_id=Y29" aria-hidden="true" tabindex="-1"><svg></svg></a>
          <a href="/atommstudios?comment_id=Y29">ATOMM Studios</a> thanks <a href="/theloopphilippines">The Loop</a>
        </div></div>`,
      'https://www.facebook.com/PowerMacCenter/',
    );
    expect(brief(refs)).toEqual([
      ['post-author', 'powermaccenter'],
      ['comment', 'atommstudios'],
      ['mention', 'theloopphilippines'],
    ]);
  });

  it('names the profile heading after the page URL, once', () => {
    const { refs } = scan(
      `<div role="main"><h1><span dir="auto">D’ DM Bicycle Shop</span></h1>
        <a href="/profile.php?id=61578263901346">D’ DM Bicycle Shop</a>
        <a href="/profile.php?id=61578263901346&sk=followers">0 followers</a></div>`,
      'https://www.facebook.com/profile.php?id=61578263901346&sk=reviews',
    );
    expect(brief(refs)).toEqual([['profile-header', 'id:61578263901346']]);
    expect(refs[0]?.nameElement.localName).toBe('h1');
  });

  // No saved page shows these: built from the live structure, see sites/facebook/selectors.ts.
  it('labels reactions and followers dialogs, and search results', () => {
    const reactions = scan(
      `<div role="dialog" aria-label="Reactions"><div><a href="/eva.483">Eva Ramírez</a></div></div>`,
      FB,
    );
    expect(brief(reactions.refs)).toEqual([['likes-dialog', 'eva483']]);
    const followers = scan(
      `<div role="dialog" aria-labelledby="t"><h2 id="t">Followers</h2><a href="/eva.483">Eva</a></div>`,
      FB,
    );
    expect(brief(followers.refs)).toEqual([['followers-dialog', 'eva483']]);
    const typeahead = scan(
      `<div><input type="search" aria-label="Search Facebook"><ul role="listbox"><li role="option">
        <a href="/Nintendo">Nintendo</a></li></ul></div>`,
      FB,
    );
    expect(brief(typeahead.refs)).toEqual([['search', 'nintendo']]);
    const results = scan(
      `<div role="main"><div role="article"><a href="/Nintendo">Nintendo</a></div></div>`,
      'https://www.facebook.com/search/top?q=nintendo',
    );
    expect(brief(results.refs)).toEqual([['search', 'nintendo']]);
  });

  it('reads m.facebook relative links and group member links', () => {
    const { refs } = scan(
      `<div role="main"><article><header><h3><strong><a href="/Nintendo/?refid=52&amp;__tn__=C-R">Nintendo</a></strong></h3></header>
        <p>with <a href="/groups/123456/user/100012345678/?refid=18">a member</a></p>
        <footer><a href="/profile.php?id=100039113202005&amp;fref=nf">Wayan Wayan</a> Brapa</footer></article></div>`,
      'https://m.facebook.com/home.php',
    );
    expect(brief(refs)).toEqual([
      ['post-author', 'nintendo'],
      ['mention', 'id:100012345678'],
      ['comment', 'id:100039113202005'],
    ]);
  });
});
