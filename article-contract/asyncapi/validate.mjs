// Validates an AsyncAPI document offline with @asyncapi/parser; external $refs (the contract's JSON Schemas) are
// resolved from the file system relative to the document. Exit 0 valid, 1 invalid (diagnostics on stderr).
import { Parser, fromFile } from '@asyncapi/parser';
import path from 'node:path';

const file = path.resolve(process.argv[2] ?? '../asyncapi.yaml');
const parser = new Parser();
const { document, diagnostics } = await fromFile(parser, file).parse({ validateOptions: { allowedSeverity: { warning: true, info: true, hint: true } } });
const errors = diagnostics.filter((d) => d.severity === 0);
for (const d of diagnostics) {
  const level = ['error', 'warning', 'info', 'hint'][d.severity];
  console.error(`${level}: ${d.message} at /${d.path.join('/')}`);
}
if (!document || errors.length > 0) {
  console.error(`${file}: invalid (${errors.length} error(s))`);
  process.exit(1);
}
const channels = document.channels().all().map((c) => c.address());
console.log(`${file}: valid AsyncAPI ${document.version()}, channels ${channels.join(', ')}`);
