#!/usr/bin/env node
// `mobilise start | migrate | lessons export | lessons search | lessons import | coffee match | org`: the one entry point, for npm scripts and Docker.
import { MOBILISE } from './cli-commands';
import { dispatch } from './cli-usage';
import { ConfigError } from './config';
import { errorText } from './log';
import { OrganisationError } from './organisations/organisation-error';
import { UsageError } from './usage-error';

// A reader that stops early (`| head`) closes the pipe: that ends the command quietly, not with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  process.stderr.write(`mobilise: ${errorText(err)}\n`);
  process.exit(1);
});

dispatch(MOBILISE, process.argv.slice(2), (text) => void process.stdout.write(text)).catch((err: unknown) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${err.message}\n`);
    process.exit(2);
  }
  if (err instanceof OrganisationError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
  if (err instanceof UsageError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`mobilise: ${errorText(err)}\n`);
  process.exit(1);
});
