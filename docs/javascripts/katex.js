// Typeset the page's maths with the self-hosted KaTeX after every (instant) navigation.
// pymdownx.arithmatex wraps maths in \( \) and \[ \]; dollar signs are left alone so that
// prices such as $120/h stay text.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  });
});
