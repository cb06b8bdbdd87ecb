// The plan readers' third-party libraries, required on first use: esbuild bundles them apart (dist/readerLibraries.js), so the server starts without parsing them.
import * as mammoth from 'mammoth';
import * as iconv from 'iconv-lite';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { Parser as HtmlParser } from 'htmlparser2';

export { mammoth, iconv, JSZip, DOMParser, XMLSerializer, HtmlParser };
