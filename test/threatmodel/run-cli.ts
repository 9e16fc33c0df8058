import { join } from 'node:path';
import { ROOT } from '../cli/run-cli.ts';

export { ROOT, runCli, type CliRun as CliResult } from '../cli/run-cli.ts';

export const MODELS = join(ROOT, 'test', 'fixtures', 'models');
