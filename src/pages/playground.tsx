/** The failure playground's page: /playground, the address plans/url.ts writes links to. */
import React, { type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Playground from '../components/Playground';

export default function PlaygroundPage(): ReactNode {
  return (
    <Layout
      title="Failure playground"
      description="Stage any outage of a WIM/EIM deployment's servers during a live chat and watch what the customer, the agent and the database see."
    >
      <main className="container container--fluid margin-vert--md">
        <h1>Failure playground</h1>
        <p>
          Fail and restore servers, let time pass and chat as the customer or the agent: the specification&apos;s own
          model answers, step by step, with what each person sees. Any ordering works, not only the{' '}
          <Link to="/at-a-glance">documented combinations</Link>. The address always holds the staged steps, so copying
          it shares this exact outage.
        </p>
        <Playground />
      </main>
    </Layout>
  );
}
