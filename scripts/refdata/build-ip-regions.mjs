// Builds ip-regions.txt for Beian.Core from the npm package ip2region@2.3.0 (MIT), which ships
//   data/ip2region.db  IPv4, the ip2region project's v1 database (lionsoul2014/ip2region,
//                      Apache-2.0): blocks of [start, end, "国家|区域|省份|城市|ISP"]
//   data/ipv6wry.db    IPv6, the ZX公网IPv6库 (ip.zxinc.org) of 2021-05-11 in its "IPDB" format:
//                      /64 blocks with a free-text place ("中国广东省广州市番禺区").
//
// Usage: node build-ip-regions.mjs <node_modules dir> <output dir>   (reads <output dir>/regions.json)
//
// Output (ip-regions.txt)
// -----------------------
// "#" lines are comments. Every other line is "<first address>\t<code>": a block that runs up to
// the next line's address of the same family (the last one to the end of the address space).
// <code> is the 6-digit region code of the block's city, or of its province when the source names
// no city, or "-" for everything not located in mainland China (foreign, 香港, 澳门, 台湾, private,
// reserved, unknown province). Adjacent blocks with the same code are merged (the source splits
// them by ISP). IPv4 lines come first, then IPv6 lines; IPv6 addresses all end in "::" past the
// first 64 bits, the source's resolution.
//
// Name rules
// ----------
// * Province: the regions.json province whose name is the source's or starts with it
//   (北京 → 北京市, 内蒙古 → 内蒙古自治区). 香港, 澳门, 台湾 are not mainland: "-".
// * City: none ("0") or the municipality itself (北京|北京市) → the province's code. Otherwise a
//   city of that province, else a county-level place under it (济源 → 济源市, 省直辖), named
//   exactly or by a prefix (锡林郭勒 → 锡林郭勒盟, 黔南 → 黔南布依族苗族自治州); CITY_ALIASES covers
//   places since merged. A name that matches nothing, or more than one place, stops the script,
//   so a refreshed package cannot slip an unmapped name through.
// * IPv6 places are free text. The province is the longest spelling the text starts with after
//   "中国" (新疆维吾尔自治区, 新疆 or 新疆区); then a city or 省直辖 county whose full name follows,
//   else the one such place starting with the stem of the next word ending in 州, 盟, 地区 or 县
//   (黔东南州, 白沙县);
//   else the province's code (the text names a county without its city, or only the province).

import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const PACKAGE = "ip2region@2.3.0";
const NOT_MAINLAND = ["香港", "澳门", "台湾"];
// 莱芜市 became 济南市莱芜区 and 钢城区 in 2019.
const CITY_ALIASES = { "山东省|莱芜市": "济南市" };

const [modulesDir, outDir] = process.argv.slice(2);
if (!modulesDir || !outDir) {
  console.error("usage: node build-ip-regions.mjs <node_modules dir> <output dir>");
  process.exit(2);
}

const regions = JSON.parse(readFileSync(join(outDir, "regions.json"), "utf8")).regions;
const provinces = regions.filter((r) => r.level === "province");
const childrenOf = (code) => regions.filter((r) => r.parent === code);
// 省直辖县级行政区划 and 自治区直辖县级行政区划: counties run by the province, with no city above them.
const isProvinceRun = (cityCode) => regions.find((r) => r.code === cityCode)?.name.endsWith("直辖县级行政区划");

function provinceNamed(name) {
  if (NOT_MAINLAND.some((place) => name.startsWith(place))) return null;
  const found = provinces.filter((p) => p.name.startsWith(name));
  if (found.length !== 1) throw new Error(`province '${name}' matches ${found.length} regions`);
  return found[0];
}

function cityNamed(province, name) {
  name = CITY_ALIASES[`${province.name}|${name}`] ?? name;
  if (name === "0" || name === "" || name === province.name) return province.code;
  const cities = childrenOf(province.code);
  const counties = cities.flatMap((c) => childrenOf(c.code)).filter((c) => isProvinceRun(c.parent));
  for (const places of [cities, counties]) {
    const exact = places.filter((p) => p.name === name);
    const found = exact.length > 0 ? exact : places.filter((p) => p.name.startsWith(name));
    if (found.length === 1) return found[0].code;
    if (found.length > 1) throw new Error(`city '${name}' of ${province.name} matches ${found.length} regions`);
  }
  throw new Error(`city '${name}' of ${province.name} matches no region`);
}

// "中国|0|浙江省|杭州市|电信" → "330100"; null when not in mainland China.
const ipv4Code = memoized((region) => {
  const [country, , province, city] = region.split("|");
  if (country !== "中国" || province === "0") return null;
  const found = provinceNamed(province);
  return found && cityNamed(found, city);
});

function readIpv4Blocks() {
  const data = readFileSync(join(modulesDir, "ip2region", "data", "ip2region.db"));
  const first = data.readUInt32LE(0);
  const last = data.readUInt32LE(4);
  const blocks = [];
  let expected = 0;
  for (let at = first; at <= last; at += 12) {
    const start = data.readUInt32LE(at);
    const end = data.readUInt32LE(at + 4);
    const pointer = data.readUInt32LE(at + 8);
    if (start !== expected) throw new Error(`IPv4 block at ${start} leaves a gap after ${expected}`);
    const length = pointer >>> 24;
    const offset = pointer & 0xffffff;
    const region = data.toString("utf8", offset + 4, offset + length);
    blocks.push({ start: BigInt(start), code: ipv4Code(region) });
    expected = end + 1;
  }
  if (expected !== 2 ** 32) throw new Error("IPv4 blocks stop before 255.255.255.255");
  return blocks;
}

// "中国广东省广州市番禺区" → "440100"; null when not in mainland China or no province is named.
const ipv6Code = memoized((place) => {
  if (!place.startsWith("中国")) return null;
  const rest = place.slice(2);
  if (NOT_MAINLAND.some((name) => rest.startsWith(name))) return null;
  const province = provinces
    .flatMap((p) => provinceSpellings(p).map((name) => ({ p, name })))
    .filter(({ name }) => rest.startsWith(name))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!province) return null;
  return placeIn(province.p, rest.slice(province.name.length)) ?? province.p.code;
});

// 广西壮族自治区, 广西 and 广西区 (the IPv6 data's spelling of autonomous regions).
function provinceSpellings(province) {
  const short = province.name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, "");
  return province.name.endsWith("自治区") ? [province.name, short, `${short}区`] : [province.name, short];
}

// The city (or 省直辖 county) that text starts with: by full name, or by the stem of its first
// word ending in 州, 盟, 地区 or 县 (黔东南州 → 黔东南苗族侗族自治州, 白沙县 → 白沙黎族自治县).
function placeIn(province, text) {
  const cities = childrenOf(province.code);
  const counties = cities.flatMap((c) => childrenOf(c.code)).filter((c) => isProvinceRun(c.parent));
  const places = [...cities, ...counties];
  const byName = places.find((c) => text.startsWith(c.name));
  if (byName) return byName.code;
  const stem = /^(.+?)(州|盟|地区|县)/.exec(text)?.[1];
  const byStem = stem ? places.filter((c) => c.name.startsWith(stem)) : [];
  return byStem.length === 1 ? byStem[0].code : null;
}

function readIpv6Blocks() {
  const require = createRequire(resolve(modulesDir, "ip2region", "package.json"));
  const Ipv6ToRegion = require("./dist/lib/ipv6.js").default;
  const db = new Ipv6ToRegion(resolve(modulesDir, "ip2region", "data", "ipv6wry.db"));
  const entryLength = 8 + db.offlen;
  const blocks = [];
  for (let i = 0; i < db.record; i++) {
    const at = db.indexStart + i * entryLength;
    const start = db.data.readBigUInt64LE(at);
    const place = db.getAddr(db.readLongData(at + 8)).cArea;
    blocks.push({ start, code: ipv6Code(place) });
  }
  if (blocks[0].start !== 0n) throw new Error("IPv6 blocks do not start at ::");
  return blocks;
}

function merge(blocks) {
  const merged = [];
  for (const block of blocks) {
    if (merged.length === 0 || merged.at(-1).code !== block.code) merged.push(block);
  }
  return merged;
}

const ipv4Text = (n) => [24n, 16n, 8n, 0n].map((shift) => (n >> shift) & 255n).join(".");

// The first 64 bits as "2400:3200::" (zero groups compressed as IPAddress prints them).
function ipv6Text(high) {
  const groups = [48n, 32n, 16n, 0n].map((shift) => ((high >> shift) & 0xffffn).toString(16));
  const full = [...groups, "0", "0", "0", "0"];
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && full[j] === "0") j++;
    if (j - i > best.length) best = { at: i, length: j - i };
  }
  if (best.length < 2) return full.join(":");
  const head = full.slice(0, best.at).join(":");
  const tail = full.slice(best.at + best.length).join(":");
  return `${head}::${tail}`;
}

function memoized(fn) {
  const cache = new Map();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key);
  };
}

const lines = (blocks, text) => blocks.map((b) => `${text(b.start)}\t${b.code ?? "-"}`);

const ipv4 = merge(readIpv4Blocks());
const ipv6 = merge(readIpv6Blocks());
const header = `# IP address → region code, derived by scripts/refdata/build-ip-regions.mjs from npm ${PACKAGE}
# (MIT; IPv4 data from the ip2region project, Apache-2.0; IPv6 data from the ZX公网IPv6库 of 2021-05-11).
# "<first address>\\t<6-digit code or ->": a block runs to the next line's address of the same family;
# "-" is not mainland China. IPv4 lines, then IPv6 lines at /64 resolution. Do not edit by hand.
`;
writeFileSync(join(outDir, "ip-regions.txt"), header + [...lines(ipv4, ipv4Text), ...lines(ipv6, ipv6Text)].join("\n") + "\n");

const located = (blocks) => blocks.filter((b) => b.code).length;
console.log(`ip-regions.txt: ${ipv4.length} IPv4 blocks (${located(ipv4)} located), ${ipv6.length} IPv6 blocks (${located(ipv6)} located)`);
