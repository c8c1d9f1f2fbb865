// The notebook page: draws the lesson once, then follows the session's state by long polling. The server keeps every
// result, so a reload or a second tab shows the same session. Output is always put in as text; only the server's own
// pictures (SVG it drew and escaped) and the lesson's prose go in as markup.
'use strict';

const page = {
  version: -1,
  lessonId: null,
  cells: new Map(),   // key ("0", "1", ..., "scratch") -> the cell's elements and editor
  shownRun: new Map(), // key -> the run number of the result shown
  hintsShown: new Map(),
  running: null,
  failures: 0,
};

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'html') node.innerHTML = value;
    else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

async function api(path, body) {
  const response = await fetch(path, body === undefined ? { cache: 'no-store' } : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* a plain message */ }
  if (!response.ok) throw new Error(json && json.message ? json.message : text);
  return json;
}

function status(text, problem) {
  const node = document.getElementById('status');
  node.textContent = text;
  node.classList.toggle('problem', !!problem);
}

async function start() {
  try {
    draw(await api('lesson.json'));
  } catch (e) {
    status('The notebook does not answer: ' + e.message + ' Start ./streamlab learn --web again.', true);
    return;
  }
  follow();
}

function draw(lesson) {
  page.lessonId = lesson.id;
  page.cells.clear();
  page.shownRun.clear();
  page.hintsShown.clear();
  page.version = -1;
  document.title = 'Lesson ' + lesson.number + ': ' + lesson.title + ' · streamlab';
  document.getElementById('title').textContent = 'Lesson ' + lesson.number + ': ' + lesson.title;
  const main = document.getElementById('lesson');
  main.replaceChildren();
  lesson.steps.forEach((step, i) => {
    const section = el('section', { class: 'step', 'aria-label': 'Step ' + (i + 1) + ' of ' + lesson.steps.length });
    section.append(el('div', { class: 'prose', html: step.html }));
    if (step.cell) section.append(cellView(String(step.cell.index), step.cell));
    main.append(section);
  });
  const own = el('section', { class: 'step', 'aria-label': 'Your own code' },
    el('h2', { text: 'Your own code' }),
    el('p', { text: 'Try any Java, or a command such as /help, /log orders or /partitions orders.' }));
  own.append(cellView('scratch', { kind: 'own', code: '', hints: 0, expect: [] }));
  main.append(own);
  const nav = document.getElementById('lessons');
  nav.replaceChildren();
  if (lesson.previous) nav.append(lessonButton('← Lesson ' + lesson.previous.number + ': ' + lesson.previous.title, lesson.previous.number));
  if (lesson.next) nav.append(lessonButton('Lesson ' + lesson.next.number + ': ' + lesson.next.title + ' →', lesson.next.number));
  status('Run a cell with its Run button or Shift+Enter. Tab moves on from a cell.');
}

function lessonButton(text, number) {
  return el('button', { type: 'button', text, onclick: async () => {
    try {
      await api('open', { lesson: number });
      draw(await api('lesson.json'));
    } catch (e) { status(e.message, true); }
  } });
}

const KINDS = { java: 'Java cell', sql: 'SQL cell', command: 'Command', own: 'Java or a command' };

function cellView(key, cell) {
  const id = 'code-' + key;
  const label = el('label', { for: id, text: KINDS[cell.kind] || 'Cell' });
  const badge = el('span', { class: 'badge' });
  const textarea = el('textarea', { id, rows: Math.max(2, cell.code.split('\n').length), spellcheck: 'false',
    autocapitalize: 'off', 'aria-describedby': 'keys-' + key });
  textarea.value = cell.code;
  const run = el('button', { type: 'button', class: 'run', text: 'Run' });
  const stop = el('button', { type: 'button', class: 'stop', text: 'Stop', disabled: true });
  const hint = cell.hints > 0 ? el('button', { type: 'button', class: 'hint', text: 'Hint' }) : null;
  const result = el('div', { class: 'result', id: 'result-' + key, 'aria-live': 'polite', role: 'region',
    'aria-label': 'Result of the ' + (KINDS[cell.kind] || 'cell').toLowerCase() });
  const hints = el('div', { class: 'hints', 'aria-live': 'polite' });
  const expect = cell.expect.length === 0 ? null : el('div', { class: 'expect' },
    el('span', { text: 'What this cell should do:' }),
    el('ul', {}, ...cell.expect.map(text => el('li', { text }))));
  const box = el('div', { class: 'cell', id: 'cell-' + key },
    el('div', { class: 'cell-head' }, label, badge),
    textarea,
    el('div', { class: 'buttons' }, run, stop, hint,
      el('span', { class: 'keys', id: 'keys-' + key,
        text: 'Shift+Enter runs the cell' + (window.CodeMirror && cell.kind !== 'sql' ? '; Ctrl+Space completes.' : '.') })),
    expect, hints, result);
  const view = { key, cell, textarea, editor: null, run, stop, hint, result, hints, badge };
  page.cells.set(key, view);
  run.addEventListener('click', () => runCell(view));
  stop.addEventListener('click', () => api('stop', {}).catch(e => status(e.message, true)));
  if (hint) hint.addEventListener('click', () => api('hint', { cell: Number(key) }).catch(e => status(e.message, true)));
  textarea.addEventListener('keydown', event => {
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      runCell(view);
    }
  });
  // CodeMirror replaces the text box once the box is in the page; without it, the text box stays.
  queueMicrotask(() => {
    if (window.CodeMirror && box.isConnected) {
      view.editor = window.CodeMirror.fromTextArea(textarea, {
        mode: cell.kind === 'sql' ? 'text/x-sql' : 'text/x-java', indentUnit: 4, viewportMargin: Infinity,
        inputStyle: 'contenteditable', screenReaderLabel: label.textContent,
        // Tab leaves the editor, as in any text box: the keyboard is never trapped.
        extraKeys: { 'Shift-Enter': () => runCell(view), 'Ctrl-Space': complete, Tab: false, 'Shift-Tab': false },
      });
    }
  });
  return box;
}

// Ctrl+Space: JShell's completions, as in the terminal.
function complete(cm) {
  if (!cm.showHint) return;
  cm.showHint({ completeSingle: false, hint: editor => {
    const cursor = editor.getCursor();
    return api('complete', { code: editor.getValue(), cursor: editor.indexFromPos(cursor) }).then(found =>
      found.candidates.length === 0 ? null
        : { list: found.candidates, from: editor.posFromIndex(found.anchor), to: cursor });
  } });
}

function code(view) {
  return view.editor ? view.editor.getValue() : view.textarea.value;
}

function setCode(view, text) {
  if (view.editor) view.editor.setValue(text); else view.textarea.value = text;
}

async function runCell(view) {
  if (page.running) {
    status('Another cell is running: wait for it or press its Stop button.', true);
    return;
  }
  try {
    if (view.key === 'scratch') await api('typed', { code: code(view) });
    else await api('run', { cell: Number(view.key), code: code(view) });
  } catch (e) {
    status(e.message, true);
  }
}

async function follow() {
  for (;;) {
    let state;
    try {
      state = await api('state.json?after=' + page.version);
      page.failures = 0;
    } catch (e) {
      page.failures++;
      status('The notebook does not answer (' + e.message + '). The session may have ended: start ./streamlab learn --web'
        + ' again; your progress is saved.', true);
      await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * page.failures)));
      continue;
    }
    if (state.lesson !== page.lessonId) {
      try { draw(await api('lesson.json')); } catch (e) { status(e.message, true); }
      continue;
    }
    apply(state);
  }
}

function apply(state) {
  const first = page.version < 0;
  page.version = state.version;
  const passed = new Set(state.passed.map(String));
  for (const [key, view] of page.cells) {
    view.badge.textContent = passed.has(key) ? '✓ passed' : '';
    const result = state.results[key];
    if (result && page.shownRun.get(key) !== result.run) {
      page.shownRun.set(key, result.run);
      // A reload or another tab: the editor shows the code that ran last.
      if (first || code(view) !== result.code) setCode(view, result.code);
      showResult(view, result);
    }
    const hints = state.hints[key] || [];
    if (hints.length !== (page.hintsShown.get(key) || 0)) {
      page.hintsShown.set(key, hints.length);
      view.hints.replaceChildren(...hints.map((html, i) => el('div', { class: 'hint-text' },
        el('strong', { text: 'Hint' + (hints.length > 1 ? ' ' + (i + 1) : '') + ':' }), el('div', { html }))));
    }
  }
  const running = state.running;
  page.running = running ? running.cell : null;
  for (const [key, view] of page.cells) {
    const busy = running !== null;
    view.run.disabled = busy;
    view.stop.disabled = !(running && running.cell === key);
    if (running && running.cell === key) {
      let live = view.result.querySelector('pre.live');
      if (!live) {
        view.result.replaceChildren(el('p', { class: 'running', text: 'Running…' }), live = el('pre', { class: 'output live' }));
      }
      live.textContent = running.output;
    }
  }
}

function showResult(view, result) {
  const parts = [];
  if (result.pictures.length > 0) {
    parts.push(el('div', { class: 'pictures', html: result.pictures.join('\n') }));
    parts.push(el('details', {}, el('summary', { text: 'As text' }), el('pre', { class: 'output', text: result.output })));
  } else if (result.output) {
    parts.push(el('pre', { class: 'output', text: result.output }));
  }
  if (result.problem) parts.push(el('p', { class: 'problem', text: '✗ ' + result.problem }));
  if (result.checks.length > 0) {
    parts.push(el('ul', { class: 'checks', 'aria-label': 'Expectations' }, ...result.checks.map(check => check.held
      ? el('li', { class: 'held', text: '✓ ' + check.text })
      : el('li', { class: 'failed' }, '✗ ' + check.text + ' ', el('span', { class: 'detail', text: '(' + check.detail + ')' })))));
  }
  if (view.key !== 'scratch') {
    parts.push(result.passed
      ? el('p', { class: 'verdict passed', text: '✓ Step done.' })
      : el('p', { class: 'verdict not-yet', text: result.skipped ? 'Skipped: read on.'
        : 'Not yet: edit the cell and run it again' + (view.hint ? ', or ask for a hint.' : '.') }));
  }
  view.result.replaceChildren(...parts);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
