/** The command line run in this process on the real files, its streams captured. */

import { realIo, type CliIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

export async function galley(...argv: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...realIo,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  const status = await run(argv, io);
  return { status, stdout, stderr };
}
