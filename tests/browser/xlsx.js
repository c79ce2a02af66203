// What a browser test needs of an XLSX download (the annual review's
// export): an XLSX is a zip of XML, read here with Node's own zlib and a
// minimal reader of the zip's central directory (APPNOTE 4.3.12, 4.3.16), so
// no package is added for it. Stored (0) and deflated (8) entries only, as
// every XLSX writer makes; no zip64 (a review is far below 4 GB).
const zlib = require('zlib');

// The zip's files by name, as Buffers.
function unzip(buffer) {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip: no end of central directory');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const data = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(data, data + size);
    files[name] = method === 8 ? zlib.inflateRawSync(raw) : raw;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
  .replace(/&apos;/g, "'").replace(/&amp;/g, '&');

// { sheets: [{ name, xml, frozen, cells: { A1: { type, value } } }] }
function readXlsx(buffer) {
  const files = unzip(buffer);
  const text = (name) => (files[name] ? files[name].toString('utf8') : '');
  const strings = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)]
    .map((m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')));
  const targets = Object.fromEntries([...text('xl/_rels/workbook.xml.rels')
    .matchAll(/<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"/g)]
    .map((m) => {
      const xml = text('xl/' + targets[m[2]].replace(/^\/?xl\//, ''));
      const cells = {};
      for (const c of xml.matchAll(/<c r="([A-Z]+[0-9]+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const type = (/t="([^"]+)"/.exec(c[2]) || [null, 'n'])[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(c[3] || '');
        const value = v ? (type === 's' ? strings[Number(v[1])] : unescape(v[1])) : '';
        cells[c[1]] = { type, value };
      }
      return { name: unescape(m[1]), xml, frozen: /<pane [^>]*state="frozen"/.test(xml), cells };
    });
  return { sheets, sheet: (name) => sheets.find((s) => s.name === name) };
}

module.exports = { unzip, readXlsx };
