import { Command, CommanderError } from 'commander';
import { AppError, toAppError } from '../core/errors.ts';
import { registerCommands } from './commands.ts';

/** Builds the `threatloom` program; each sub-command lives in its own file under src/cli. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('threatloom')
    .description('Threat modeling joined with threat intelligence')
    .option('--db <path|postgres-url>', 'database (default: $THREATLOOM_DB or ./threatloom.db)')
    .showHelpAfterError()
    .exitOverride();
  await registerCommands(program, argv);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 findings or rejects, 2 usage or input error. */
export async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0)
        return 0;
      return 2;
    }
    const err = toAppError(e);
    process.stderr.write(`threatloom: ${err.describe()}\n`);
    if (err.code === 'INTERNAL' && err.cause instanceof Error && err.cause.stack) {
      process.stderr.write(`${err.cause.stack}\n`);
    }
    return err.exitCode;
  }
}

export { AppError };
