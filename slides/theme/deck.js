// streamlab's decks: reveal.js at 1280 x 720 with the speaker view (press s) and highlighted code, all local files.
// With ?measure in the address, it also measures every slide (height, words outside the notes, its text) and writes
// the figures into <pre id="streamlab-measure">, for the browser tests.
Reveal.initialize({
  width: 1280, height: 720, margin: 0.02, center: false, hash: true, slideNumber: 'c/t',
  transition: 'none', plugins: [RevealNotes, RevealHighlight]
}).then(function () {
  if (location.search.indexOf('measure') < 0) { return; }
  var slides = Reveal.getSlides();
  var figures = slides.map(function (section, index) {
    Reveal.slide(index);
    var shown = section.cloneNode(true);
    shown.querySelectorAll('aside.notes').forEach(function (n) { n.remove(); });
    var copy = shown.cloneNode(true);
    copy.querySelectorAll('pre, svg, img').forEach(function (n) { n.remove(); });
    var words = copy.textContent.trim().split(/\s+/).filter(function (w) { return w.length > 0; }).length;
    var content = 0;
    Array.prototype.forEach.call(section.children, function (child) {
      if (child.tagName !== 'ASIDE') { content = Math.max(content, child.offsetTop + child.offsetHeight); }
    });
    var tooWide = [];
    var right = section.getBoundingClientRect().right;
    section.querySelectorAll('pre code, svg.picture, img').forEach(function (n) {
      if ((n.tagName === 'CODE' && n.scrollWidth > n.clientWidth + 1) || n.getBoundingClientRect().right > right + 1) {
        tooWide.push(n.tagName + ' ' + n.scrollWidth + '>' + n.clientWidth + ' right ' + Math.round(n.getBoundingClientRect().right) + '>' + Math.round(right));
      }
    });
    return { index: index, height: section.scrollHeight, content: content, words: words, tooWide: tooWide,
             text: shown.textContent.replace(/\s+/g, ' ').trim().slice(0, 4000) };
  });
  var out = document.createElement('pre');
  out.id = 'streamlab-measure';
  out.textContent = JSON.stringify(figures);
  document.body.appendChild(out);
});
