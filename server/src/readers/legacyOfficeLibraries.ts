// The readers of Office 97–2003 files (word-extractor for .doc, with the automatic numbers: docExtractor.ts; SheetJS for .xls): a bundle of their own
// (dist/legacyOfficeLibraries.js), loaded by the worker that reads such a file (legacyOffice.ts), never by the server.
import WordExtractor from 'word-extractor';
import * as XLSX from '@e965/xlsx';
import { docBody } from './docExtractor';

export { docBody, WordExtractor, XLSX };
