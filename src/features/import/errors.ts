// What is wrong with an imported file as a whole (its encoding, its table, its mapping, its archive): bad input,
// answered 400 with code `unreadable_import` over HTTP and printed as it is by the CLI. Each reader has its own
// subclass, so a test (or a caller) can tell them apart.
import { InvalidInputError } from '../../domain/errors.js';

export class ImportFileError extends InvalidInputError {
  constructor(message: string) {
    super(message, { code: 'unreadable_import' });
  }
}
