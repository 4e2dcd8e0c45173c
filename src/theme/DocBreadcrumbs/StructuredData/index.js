// Swizzled from @docusaurus/theme-classic 3.10.2, which writes the breadcrumbs' JSON-LD into a <script> with a
// bare JSON.stringify: a page title containing "</script>" (a scenario name from the run can) closes the script
// early and spills the rest into the page. Escaping "<" as \u003c keeps the JSON identical for any JSON reader.
import React from 'react';
import Head from '@docusaurus/Head';
import { useBreadcrumbsStructuredData } from '@docusaurus/plugin-content-docs/client';

export default function DocBreadcrumbsStructuredData(props) {
  const structuredData = useBreadcrumbsStructuredData({ breadcrumbs: props.breadcrumbs });
  const json = JSON.stringify(structuredData).replace(/</g, '\\u003c');
  return React.createElement(Head, null, React.createElement('script', { type: 'application/ld+json' }, json));
}
