// The review page's keyboard: j/k (or the arrows) move between flags, a/r/u press the focused
// flag's Accept, Reject or Undo button, e opens its edit field (Ctrl+Enter saves, Esc leaves),
// n/p change page, ? shows the keyboard help. Keys typed into a field are left alone.
//
// A flag's forms are sent with fetch: the server answers with the flag's new HTML and the
// document's counts, which replace the old ones without a page reload; after an accept, a
// reject or an edit the next flag is focused. Should fetch fail, or the answer be no such
// JSON, the form is sent again as the ordinary post it is (which works without this script).
'use strict';

(function () {
  let flags = Array.from(document.querySelectorAll('li.finding'));
  const help = document.getElementById('keyboard-help');
  let current = -1;

  function replaceFlag(old, html) {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const fresh = template.content.firstElementChild;
    old.replaceWith(fresh);
    flags = Array.from(document.querySelectorAll('li.finding'));
    return fresh;
  }

  function statusOf(flag) {
    const status = flag.querySelector('.status');
    return status ? status.textContent.trim() : 'pending';
  }

  // The counts follow the flag: one more reviewed when it leaves pending, one fewer when it
  // comes back. (Other editors' decisions show at the next page load.)
  function countChange(flag, before, after) {
    const change = (before === 'pending' ? 1 : 0) - (after === 'pending' ? 1 : 0);
    if (change === 0) return;
    const bar = document.getElementById('progress');
    const reviewed = document.getElementById('reviewed');
    if (reviewed) reviewed.textContent = String(Number(reviewed.textContent) + change);
    if (bar && reviewed) {
      bar.value = Number(reviewed.textContent);
      bar.textContent = Math.floor((100 * bar.value) / bar.max) + ' %';
    }
    const kind = flag.querySelector('.kind');
    const count =
      kind && document.querySelector('nav.kinds a[data-kind="' + kind.textContent.trim() + '"] .count');
    if (count) {
      const parts = count.textContent.split('/');
      count.textContent = Number(parts[0]) + change + ' / ' + parts[1].trim();
    }
  }

  function sendInPlace(form, submitter) {
    const flag = form.closest('li.finding');
    const decision =
      submitter && submitter.name === 'decision' ? submitter.value : form.elements.decision.value;
    form.setAttribute('aria-busy', 'true');
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form, submitter)),
      headers: { 'X-Galley-Fragment': 'flag', Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        const json = (response.headers.get('Content-Type') || '').startsWith('application/json');
        if (!json || (!response.ok && response.status !== 409)) throw new Error('not a flag');
        return response.json().then(function (answer) {
          return { ok: response.ok, answer: answer };
        });
      })
      .then(function (result) {
        const index = flags.indexOf(flag);
        const before = statusOf(flag);
        const fresh = replaceFlag(flag, result.answer.flag);
        countChange(fresh, before, statusOf(fresh));
        if (result.ok && decision !== 'reset' && index + 1 < flags.length) focusFlag(index + 1);
        else focusFlag(flags.indexOf(fresh));
      })
      .catch(function () {
        form.removeAttribute('aria-busy');
        form.dataset.plain = 'true';
        if (submitter) form.requestSubmit(submitter);
        else form.requestSubmit();
      });
  }

  document.addEventListener('submit', function (event) {
    const form = event.target;
    if (!form.closest('li.finding') || form.dataset.plain === 'true' || !window.fetch) return;
    event.preventDefault();
    sendInPlace(form, event.submitter);
  });

  function focusFlag(index) {
    if (flags.length === 0) return;
    current = Math.max(0, Math.min(flags.length - 1, index));
    flags[current].focus();
    flags[current].scrollIntoView({ block: 'nearest' });
  }

  function press(selector) {
    const flag = flags[current];
    const button = flag && flag.querySelector(selector);
    if (button) button.click();
  }

  function follow(rel) {
    const link = document.querySelector('a[rel="' + rel + '"]');
    if (link) window.location.assign(link.href);
  }

  function edit() {
    const flag = flags[current];
    if (!flag) return;
    const details = flag.querySelector('details.edit');
    details.open = true;
    const field = details.querySelector('textarea');
    field.focus();
    field.select();
  }

  const target = window.location.hash && document.getElementById(window.location.hash.slice(1));
  if (target) focusFlag(flags.indexOf(target));

  document.addEventListener('focusin', function (event) {
    const flag = event.target.closest && event.target.closest('li.finding');
    if (flag) current = flags.indexOf(flag);
  });

  // The keys a flag answers to, by KeyboardEvent.key.
  const actions = {
    j: function () {
      focusFlag(current + 1);
    },
    ArrowDown: function () {
      focusFlag(current + 1);
    },
    k: function () {
      focusFlag(current - 1);
    },
    ArrowUp: function () {
      focusFlag(current - 1);
    },
    a: function () {
      press('button[value="accept"]');
    },
    r: function () {
      press('button[value="reject"]');
    },
    u: function () {
      press('button[value="reset"]');
    },
    e: edit,
    n: function () {
      follow('next');
    },
    p: function () {
      follow('prev');
    },
    '?': function () {
      if (help) help.hidden = !help.hidden;
    },
  };

  document.addEventListener('keydown', function (event) {
    const field = event.target.closest && event.target.closest('textarea, input, select');
    if (field) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && field.form) field.form.requestSubmit();
      // Esc leaves a flag's edit field; the page's other fields (the filter) keep it.
      const details = field.closest('details.edit');
      if (event.key === 'Escape' && details) {
        details.open = false;
        focusFlag(current);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape' && help) help.hidden = true;
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    if (current === -1 && 'arue'.includes(event.key)) focusFlag(0);
    action();
  });
})();
