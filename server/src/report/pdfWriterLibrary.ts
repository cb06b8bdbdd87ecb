// pdf-lib, which writes a PDF plan's annotated copy: a bundle of its own (dist/pdfWriterLibrary.js), required on first
// use, so that neither the server nor the CLI parses it until a review's copy of a PDF is asked for.
import * as PdfLib from 'pdf-lib';

export { PdfLib };
