/**
 * `<details>` in the docs as the browser's own element, not Docusaurus's animated one: its content is part of
 * the page (find-in-page opens it, an anchor inside it can be opened by src/client/anchor-landing.js setting
 * `open`), and a closed fold takes no height. Styled in src/css/custom.css (.cf-fold, .cf-details).
 */
import React from 'react';

export default function Details({ summary, children, ...props }) {
  return (
    <details {...props}>
      {summary}
      {children}
    </details>
  );
}
