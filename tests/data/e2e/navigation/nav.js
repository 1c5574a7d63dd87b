// The page's own script for tests/e2e/navigation.e2e.test.ts: what Instagram's single-page app
// does to a document without reloading it. Same-origin, so it runs under the test's strict CSP
// (script-src 'self'); built with DOM calls only. The test drives it through window.picketNav.
'use strict';

(function () {
  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children || []) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function authorLink(user) {
    return element('a', { href: '/' + user + '/', role: 'link', tabindex: '0' }, [
      element('div', {}, [element('span', { dir: 'auto' }, [user])]),
    ]);
  }

  /** A home-feed post (2024–2026): header link to the author, a permalink, the caption. */
  function feedPost(user, code) {
    const head = element('div', { class: 'post-head' }, [
      element('span', { role: 'link', tabindex: '-1' }, [
        element('img', { alt: user + "'s profile picture", src: '/favicon.ico' }),
      ]),
      element('div', {}, [
        element('span', { dir: 'auto' }, [element('div', {}, [authorLink(user)])]),
        element('span', {}, [
          ' • ',
          element('a', { href: '/p/' + code + '/', role: 'link' }, [
            element('time', { datetime: '2026-11-28T10:00:00.000Z' }, ['2d']),
          ]),
        ]),
      ]),
    ]);
    const body = element('div', { class: 'post-body' }, [
      element('span', {}, [element('a', { href: '/' + user + '/', role: 'link' }, [user])]),
      ' ',
      element('span', { dir: 'auto' }, ['Post ' + code]),
    ]);
    return element('article', {}, [head, body]);
  }

  /** A post page or dialog: author in the header, a caption with a mention, comments under h3. */
  function postView(post) {
    const comments = post.comments.map(function (comment) {
      return element('li', {}, [
        element('div', {}, [
          element('a', { href: '/' + comment.user + '/', role: 'link', tabindex: '-1' }, [
            element('img', { alt: comment.user + "'s profile picture", src: '/favicon.ico' }),
          ]),
          element('h3', { dir: 'auto' }, [
            element('div', {}, [
              element('span', {}, [
                element('a', { href: '/' + comment.user + '/', role: 'link' }, [
                  element('span', {}, [comment.user]),
                ]),
              ]),
            ]),
          ]),
          element('span', { dir: 'auto' }, [comment.text]),
        ]),
      ]);
    });
    return element('article', { class: 'post-view' }, [
      element('header', {}, [
        element('div', {}, [
          element('span', { dir: 'auto' }, [
            element('a', { href: '/' + post.author + '/', role: 'link' }, [
              element('span', { dir: 'auto' }, [post.author]),
            ]),
          ]),
        ]),
      ]),
      element('h1', { dir: 'auto' }, [
        post.caption + ' ',
        element('a', { href: '/' + post.mention + '/', role: 'link' }, ['@' + post.mention]),
      ]),
      element('ul', { class: 'comments' }, comments),
    ]);
  }

  let streamed = 0;

  window.picketNav = {
    /** Profile → post page in place: pushState, then the main column is replaced. */
    goToPost(code, post) {
      history.pushState({}, '', '/p/' + code + '/');
      const main = document.querySelector('main');
      main.replaceChildren(element('div', { role: 'presentation' }, [postView(post)]));
    },
    /** A post opened from the profile grid: the URL changes, the profile stays underneath. */
    openDialog(code, post) {
      history.pushState({}, '', '/p/' + code + '/');
      document.body.append(
        element('div', { class: 'dialog-layer' }, [
          element('div', { role: 'dialog', 'aria-modal': 'true' }, [postView(post)]),
        ]),
      );
    },
    /** Appends `count` posts, one per `everyMs`, authors taken in turn from `authors`. */
    stream(authors, count, everyMs) {
      return new Promise(function (done) {
        let added = 0;
        const timer = setInterval(function () {
          const feed = document.querySelector('.feed');
          const user = authors[streamed % authors.length];
          feed.append(feedPost(user, 'NavFeed' + String(streamed).padStart(3, '0')));
          streamed += 1;
          added += 1;
          if (added === count) {
            clearInterval(timer);
            done(streamed);
          }
        }, everyMs);
      });
    },
    /** A virtualised list reusing a post's nodes for another author: hrefs and text change. */
    recycle(index, user) {
      const post = document.querySelectorAll('.feed article')[index];
      for (const link of post.querySelectorAll('.post-head a[href$="/"]:not([href^="/p/"])')) {
        link.setAttribute('href', '/' + user + '/');
        link.querySelector('span').textContent = user;
      }
    },
  };
})();
