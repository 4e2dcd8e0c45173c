/**
 * Runs one feature file's text with the project's own steps through cucumber's API, against the real model or
 * (world parameter `brokenModel`) the deliberately broken one; for the tests that check a printed counterexample.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';

const root = join(__dirname, '..', '..');

type Support = Awaited<ReturnType<typeof runCucumber>>['support'];

/** Runs one feature file with the project's steps; `support` reuses steps already loaded (require caches them). */
export async function runFeature(
  text: string,
  brokenModel: boolean,
  support?: Support,
): Promise<{ success: boolean; errors: string[]; support: Support }> {
  const dir = mkdtempSync(join(tmpdir(), 'counterexample-'));
  const file = join(dir, 'counterexample.feature');
  writeFileSync(file, text);
  const sink = new PassThrough();
  sink.resume();
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths: [file],
        require: ['steps/**/*.ts', 'test/support/exploration-broken-world.ts'],
        requireModule: [],
        format: [],
        strict: true,
        worldParameters: { brokenModel },
      },
    },
    { cwd: root },
  );
  const errors: string[] = [];
  const onMessage = (envelope: Envelope): void => {
    const result = envelope.testStepFinished?.testStepResult;
    if (result?.status === 'FAILED') errors.push(result.message ?? '');
  };
  const result = await runCucumber(
    support ? { ...runConfiguration, support } : runConfiguration,
    { cwd: root, stdout: sink, stderr: sink },
    onMessage,
  );
  return { success: result.success, errors, support: result.support };
}
