// Picket offline demo: "infinite scroll". When the end of the feed comes into view, one more
// post is appended, built with DOM calls (never HTML strings), the way the real feed streams
// posts in. It lets you watch Picket badge content that arrives after the page has loaded.
'use strict';

(function () {
  const MORE = [
    { author: 'leonardodicaprio', avatar: 'd', photo: 4, text: 'New episode out now.' },
    { author: 'natgeo', avatar: 'e', photo: 1, text: 'A wild river, from above.' },
    { author: 'benandjerrys', avatar: 'c', photo: 2, text: 'Two scoops of something new.' },
  ];
  let next = 0;

  function element(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    for (const child of children || []) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function post(item, index) {
    const code = 'DmPkMore' + String(index).padStart(3, '0');
    const avatar = element('span', { role: 'link', tabindex: '-1' }, [
      element('img', {
        class: 'avatar',
        alt: item.author + "'s profile picture",
        src: '/_demo/assets/avatar-' + item.avatar + '.svg',
      }),
    ]);
    const authorLink = element(
      'a',
      { href: '/' + item.author + '/', role: 'link', tabindex: '0' },
      [element('div', {}, [element('span', { dir: 'auto' }, [item.author])])],
    );
    const permalink = element('a', { href: '/p/' + code + '/', role: 'link', tabindex: '0' }, [
      element('span', { dir: 'auto' }, [
        element('time', { datetime: '2020-09-13T10:00:00.000Z' }, ['2d']),
      ]),
    ]);
    const head = element('div', { class: 'post-head' }, [
      avatar,
      element('div', { class: 'who' }, [
        element('span', { dir: 'auto' }, [element('div', {}, [authorLink])]),
        element('span', { class: 'meta' }, [
          element('span', { dir: 'auto' }, ['•']),
          ' ',
          permalink,
        ]),
      ]),
    ]);
    const media = element('div', { class: 'post-media', role: 'button', tabindex: '0' }, [
      element('img', {
        alt: 'Photo by ' + item.author,
        src: '/_demo/assets/photo-' + item.photo + '.svg',
      }),
    ]);
    const body = element('div', { class: 'post-body' }, [
      element('div', {}, [
        element('span', {}, [
          element('a', { href: '/' + item.author + '/', role: 'link' }, [item.author]),
        ]),
        ' ',
        element('span', { dir: 'auto' }, [item.text]),
      ]),
    ]);
    return element('article', { class: 'ig-post' }, [head, media, body]);
  }

  function appendNext() {
    const feed = document.querySelector('.feed');
    const end = document.getElementById('feed-end');
    if (!feed || !end) return;
    if (next >= MORE.length) {
      end.textContent = "You're all caught up.";
      observer.disconnect();
      return;
    }
    feed.append(post(MORE[next], next));
    next += 1;
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) appendNext();
  });

  // Only once the images are in: before that the feed is short and its end would be in view.
  window.addEventListener('load', () => {
    const end = document.getElementById('feed-end');
    if (end) observer.observe(end);
  });
})();
