/** "What am I seeing?": /diagnose/, from what a customer, an agent or the database shows to the failure behind it. */
import React, { type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Diagnosis from '../components/Diagnosis';

export default function DiagnosePage(): ReactNode {
  return (
    <Layout
      title="What am I seeing?"
      description="Pick what the customer, the agent or the database shows, and get every failure of the WIM/EIM deployment's servers that explains it, most likely first."
    >
      <main className="container margin-vert--md">
        <h1>What am I seeing?</h1>
        <p>
          Tick what the customer or the agent reports, in the words their screens use, or paste the rows of the
          source&apos;s open-chats query. The answer lists every failure of the servers that shows all of it in the
          model&apos;s explored states, most likely first, with the page to act from and the one further thing to ask
          that tells the candidates apart.
        </p>
        <Diagnosis />
      </main>
    </Layout>
  );
}
