// exceljs, required on first use: esbuild bundles it apart (dist/workbookLibrary.js), so the server and the CLI start without parsing it.
import * as ExcelJS from 'exceljs';

export { ExcelJS };
