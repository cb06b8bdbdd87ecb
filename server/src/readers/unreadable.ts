// The one error every plan reader throws for a file it cannot read: the CLI prints it and exits 2, never a silent pass.
export class UnreadableFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFileError';
  }
}
