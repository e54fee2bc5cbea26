import sanitizeHtml from 'sanitize-html';

// Editors and authors write markdown in the CMS, and markdown lets raw HTML through: an Author
// account would otherwise put script on every resident's screen. What Astro renders from it keeps
// what markdown itself makes (formatting, links, pictures, tables, highlighted code, footnotes)
// and nothing that runs.

const COLOUR = [/^#[\da-f]{3,8}$/i];

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'section',
    'em', 'strong', 'del', 's', 'sub', 'sup', 'code', 'pre', 'span', 'a', 'img',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: {
    // Ids for headings' anchors and footnotes' links.
    ...Object.fromEntries(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li'].map((tag) => [tag, ['id']])),
    a: ['href', 'title', 'id', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    section: ['data-footnotes'],
    pre: ['style', 'tabindex', 'data-language'],
    span: ['style'],
    th: ['style'],
    td: ['style'],
  },
  allowedClasses: {
    pre: ['astro-code', /^github-/],
    code: [/^language-[\w-]+$/],
    span: ['line'],
    section: ['footnotes'],
    h2: ['sr-only'],
    a: ['data-footnote-backref'],
  },
  // The colours of highlighted code and the alignment of table columns; no other CSS.
  allowedStyles: {
    pre: { color: COLOUR, 'background-color': COLOUR, 'overflow-x': [/^auto$/] },
    span: { color: COLOUR },
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  // Valid HTML whatever was pasted: a picture needs an alt (empty when the editor gave none: better
  // a screen reader skipping it than reading out its address), and one whose source was taken out is nothing.
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? '' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** HTML from CMS content with everything that could run removed. */
export const sanitizeCmsHtml = (html: string): string => sanitizeHtml(html, POLICY);

/** Renders CMS markdown with the site's processor (the loaders' `renderMarkdown`), then sanitises it. */
export const renderCmsMarkdown = async <Rendered extends { html: string }>(
  renderMarkdown: (markdown: string) => Promise<Rendered>,
  markdown: string
): Promise<Rendered> => {
  const rendered = await renderMarkdown(markdown);
  return { ...rendered, html: sanitizeCmsHtml(rendered.html) };
};
