/**
 * Links in markup a page sets as HTML (the playground's and the diagnosis page's marks) become addresses of the
 * site as Docusaurus's Link makes them: the trailing slash a static host serves without a redirect, and the base
 * URL of a site served under a sub-path. Other links and the rest of the markup are left as they are.
 */
import { test } from 'node:test';
import { strictEqual } from 'node:assert/strict';
import { siteLinks } from '../../../src/components/site-links';

const mark =
  '<a class="cf-mark-link" href="/claims#claim-msg-f3">MSG-F3</a> <a href="/assumptions">the model’s answer</a>';

test('a route gets the trailing slash before its anchor, and the base URL in front', () => {
  strictEqual(
    siteLinks(mark, '/', true),
    '<a class="cf-mark-link" href="/claims/#claim-msg-f3">MSG-F3</a> <a href="/assumptions/">the model’s answer</a>',
  );
  strictEqual(
    siteLinks(mark, '/chat-kb/', true),
    '<a class="cf-mark-link" href="/chat-kb/claims/#claim-msg-f3">MSG-F3</a> <a href="/chat-kb/assumptions/">the model’s answer</a>',
  );
});

test('links to other hosts, anchors on the page and escaped text that reads like a link are left alone', () => {
  // Text in the generator's markup is escaped (generator/escape.ts): a quote in it is &quot;, never an attribute's.
  const other = '<a href="//example.com/x">x</a> <a href="#top">top</a> <code>href=&quot;/claims&quot;</code>';
  strictEqual(siteLinks(other, '/kb/', true), other);
});
