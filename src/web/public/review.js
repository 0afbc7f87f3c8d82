// The review page's keyboard: j/k (or the arrows) move between flags, a/r/u press the focused
// flag's Accept, Reject or Undo button (an ordinary form post), e opens its edit field
// (Ctrl+Enter saves, Esc leaves), n/p change page, ? shows the keyboard help. Keys typed into
// a field are left alone. After a decision the page comes back at the flag, which is focused.
'use strict';

(function () {
  const flags = Array.from(document.querySelectorAll('li.finding'));
  const help = document.getElementById('keyboard-help');
  let current = -1;

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
