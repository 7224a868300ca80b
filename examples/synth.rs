//! A deterministic synthetic project in the seed county's proportions, for benchmarks.
//!
//!     cargo run --release --example synth -- [--scale N] [--seed S] [--workspace] OUT
//!
//! With `--workspace`, the same N counties are written as a workspace of N members (`c001`, …),
//! each a project of its county's departments: the same information as the flat project of the
//! same scale and seed, file for file, so that the two can be compared.
//!
//! Per 1× scale (one county, as in the seed document): 40 departments, 552 main duties,
//! 2,056 work items, 35 boundaries with mock cases, 309 supervision regimes, 169 public
//! services. Scale N makes N counties (departments/cNNN/…), so 100× is 4,000 department files.
//! The output checks clean.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const DEPARTMENTS: usize = 40;
const DUTIES: usize = 552;
const ITEMS: usize = 2056;
const BOUNDARIES: usize = 35;
const REGIMES: usize = 309;
const SERVICES: usize = 169;

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const BUREAUS: [(&str, &str); 40] = [
    ("huanbao", "环境保护局"),
    ("nongye", "农业局"),
    ("shuili", "水利水电局"),
    ("zhujian", "住房和城乡建设局"),
    ("linye", "林业局"),
    ("shichang", "市场监督管理局"),
    ("anjian", "安全生产监督管理局"),
    ("gongan", "公安局"),
    ("jiaotong", "交通运输局"),
    ("weisheng", "卫生和计划生育局"),
    ("guotu", "国土资源局"),
    ("renshe", "人力资源和社会保障局"),
    ("sifa", "司法局"),
    ("chengguan", "城市管理行政执法局"),
    ("jiaoyu", "教育局"),
    ("minzheng", "民政局"),
    ("caizheng", "财政局"),
    ("fagai", "发展和改革局"),
    ("jingxin", "经济和信息化局"),
    ("keji", "科学技术局"),
    ("shangwu", "商务局"),
    ("wenguang", "文化广电新闻出版局"),
    ("tiyu", "体育局"),
    ("tongji", "统计局"),
    ("shenji", "审计局"),
    ("wujia", "物价局"),
    ("lvyou", "旅游局"),
    ("minzong", "民族宗教事务局"),
    ("renfang", "人民防空办公室"),
    ("dangan", "档案局"),
    ("qixiang", "气象局"),
    ("dizhen", "地震局"),
    ("gongxiao", "供销合作社"),
    ("xinfang", "信访局"),
    ("zhijian", "质量技术监督局"),
    ("yaojian", "食品药品监督管理局"),
    ("tuiyi", "退役军人事务局"),
    ("yingji", "应急管理局"),
    ("shuiwu", "水务局"),
    ("jiguan", "机关事务管理局"),
];
const AREAS: [&str; 6] = [
    "环境保护",
    "食品安全",
    "安全生产",
    "市场监管",
    "城市管理",
    "社会事务",
];
const VERBS: [&str; 10] = [
    "负责", "组织", "指导", "监督", "协调", "开展", "承担", "推进", "落实", "规范",
];
const OBJECTS: [&str; 20] = [
    "全县环境保护规划的编制和实施",
    "农村饮用水工程的建设管理",
    "建设项目环境影响评价文件的审批",
    "重点排污单位的日常监管",
    "食品生产经营企业的监督检查",
    "学校食堂食品安全的专项检查",
    "危险化学品企业的安全生产检查",
    "道路运输企业的资质管理",
    "城区道路停车秩序的整治",
    "建筑工地夜间施工噪声的查处",
    "宅基地审批卷宗的书面检查",
    "农产品质量安全的抽样检测",
    "森林防火宣传和隐患排查",
    "劳动保障监察和欠薪投诉处理",
    "行政复议和行政应诉工作",
    "公共法律服务体系的建设",
    "河道水质监测和信息发布",
    "特种设备使用登记和定期检验",
    "统计调查数据的审核和发布",
    "应急预案的编制和演练",
];
const TAILS: [&str; 8] = [
    "，建立健全工作台账并定期通报。",
    "，依法查处违法违规行为。",
    "，督促有关单位限期整改。",
    "，每季度开展一次专项检查。",
    "，并向社会公开处理结果。",
    "，指导乡镇（街道）做好相关工作。",
    "，组织开展业务培训和宣传。",
    "，做好统计分析和情况报送。",
];
const OFFICES: [&str; 6] = [
    "办公室",
    "政策法规科",
    "业务管理科",
    "监督检查科",
    "综合执法大队",
    "公共服务科",
];
const CATEGORIES: [&str; 8] = [
    "approval",
    "cancelled-power",
    "transferred-power",
    "delegated-power",
    "project-funds",
    "key-area",
    "case-handling",
    "discretion",
];
const SERVICE_KINDS: [&str; 4] = ["basic", "economic", "safety", "social"];

fn sentence(rng: &mut Rng) -> String {
    format!(
        "{}{}{}",
        rng.pick(&VERBS),
        rng.pick(&OBJECTS),
        rng.pick(&TAILS)
    )
}

/// Characters a boundary's matter is made of. One list holds each matter once (W0209 warns of
/// two alike titles led by different departments), so the synthetic matters are random words,
/// alike no more than two real, different matters are.
const MATTER_CHARS: &str = "安保产场城出处村道地点电调督队法防费服港工管规河户环活机记价检建交教经境局矿理粮林路旅秩卖贸民牧农排品企气桥区渠取权燃人商设社生施食市事售水税饲田统土网卫文污物险销校信行畜学烟养药业医营用油渔园运灾证执质治殖住资综";

/// A matter of eight characters drawn from `MATTER_CHARS`.
fn matter(rng: &mut Rng) -> String {
    let chars: Vec<char> = MATTER_CHARS.chars().collect();
    (0..8).map(|_| chars[rng.below(chars.len())]).collect()
}

/// `total` split over `parts` as evenly as possible, the remainder going to the first ones.
fn spread(total: usize, parts: usize, i: usize) -> usize {
    total / parts + usize::from(i < total % parts)
}

fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

struct Department {
    id: String,
    name: String,
    short: String,
    county: usize,
    index: usize,
}

fn department_file(d: &Department, all: &[Department], rng: &mut Rng) -> String {
    let k = d.county * DEPARTMENTS + d.index; // global number, for unique phones
    let phone = |n: usize| format!("0000-{:04} {:04}", 1000 + k / 10, (k % 10) * 1000 + n);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# 合成测试数据（虚构）\nname = {}\nshort_name = {}\norder = {}\nphone = {}",
        q(&d.name),
        q(&d.short),
        d.index * 10,
        q(&phone(0))
    );
    let _ = writeln!(
        out,
        "address = {}\nsummary = {}\n",
        q(&format!("第{}县行政中心{}号楼", d.county + 1, d.index + 1)),
        q(&sentence(rng))
    );
    for (i, office) in OFFICES.iter().enumerate() {
        let _ = writeln!(
            out,
            "[[sections]]\nid = \"s{}\"\nname = {}\nphone = {}\n",
            i + 1,
            q(office),
            q(&phone(i + 1))
        );
    }
    let powers = [
        ("p1", "licensing", "retained"),
        ("p2", "penalty", "retained"),
        ("p3", "licensing", "delegated"),
        ("p4", "confirmation", "cancelled"),
        ("p5", "inspection", "transferred"),
    ];
    for (id, kind, status) in powers {
        let _ = writeln!(
            out,
            "[[powers]]\nid = \"{id}\"\nname = {}\nkind = \"{kind}\"\nstatus = \"{status}\"",
            q(&format!("{}{}", rng.pick(&OBJECTS), "许可"))
        );
        if status == "delegated" || status == "transferred" {
            let _ = writeln!(out, "delegated_to = \"各乡镇人民政府（街道办事处）\"");
        }
        let _ = writeln!(out, "basis = [\"《中华人民共和国行政许可法》第十二条\"]\n");
    }
    let duties = spread(DUTIES, DEPARTMENTS, d.index);
    let items_here = spread(ITEMS, DEPARTMENTS, d.index);
    let mut office = 0;
    for duty in 0..duties {
        let _ = writeln!(
            out,
            "[[duties]]\nid = \"d{:02}\"\ntitle = {}\nbasis = [\"三定方案\", \"《中华人民共和国行政许可法》\"]\n",
            duty + 1,
            q(&sentence(rng))
        );
        for item in 0..spread(items_here, duties, duty) {
            let _ = writeln!(
                out,
                "  [[duties.items]]\n  text = {}\n  section = \"s{}\"",
                q(&sentence(rng)),
                office % OFFICES.len() + 1
            );
            if item == 0 && duty == 0 {
                let _ = writeln!(out, "  powers = [\"p1\", \"p2\"]");
            }
            office += 1;
            out.push('\n');
        }
    }
    // Boundaries: the county's 35 are led by its first 35 departments, with two partners each.
    if d.index < BOUNDARIES {
        let partners = [(d.index + 1) % DEPARTMENTS, (d.index + 7) % DEPARTMENTS]
            .map(|i| &all[d.county * DEPARTMENTS + i]);
        let _ = writeln!(
            out,
            "[[boundaries]]\nid = \"b{:03}-{:02}\"\ntitle = {}\narea = \"{}\"\nlead_duty = {}\n",
            d.county + 1,
            d.index + 1,
            q(&format!("第{}县{}职责边界", d.county + 1, matter(rng))),
            AREAS[d.index % AREAS.len()],
            q(&sentence(rng))
        );
        for p in partners {
            let _ = writeln!(
                out,
                "  [[boundaries.partners]]\n  department = \"{}\"\n  duty = {}\n",
                p.id,
                q(&sentence(rng))
            );
        }
        let scenario: String = (0..4).map(|_| sentence(rng)).collect();
        let _ = writeln!(
            out,
            "  [boundaries.case]\n  title = {}\n  scenario = {}\n",
            q(&format!("{}模拟案例", rng.pick(&OBJECTS))),
            q(&scenario)
        );
        for who in [&d.id, &partners[0].id, &partners[1].id, &d.id] {
            let _ = writeln!(
                out,
                "    [[boundaries.case.steps]]\n    department = \"{who}\"\n    action = {}\n",
                q(&sentence(rng))
            );
        }
    }
    for r in 0..spread(REGIMES, DEPARTMENTS, d.index) {
        let category = CATEGORIES[r % CATEGORIES.len()];
        let _ = writeln!(
            out,
            "[[supervision]]\nid = \"r{:02}\"\ntitle = {}\ncategory = \"{category}\"",
            r + 1,
            q(&format!("{}事项监管", rng.pick(&OBJECTS)))
        );
        let power = match category {
            "approval" => Some("p1"),
            "cancelled-power" => Some("p4"),
            "transferred-power" => Some("p5"),
            "delegated-power" => Some("p3"),
            _ => None,
        };
        if let Some(p) = power {
            let _ = writeln!(out, "powers = [\"{p}\"]");
        }
        let _ = writeln!(
            out,
            "section = \"s{}\"\nmeasures = [{}, {}]\nprocedure = {}",
            r % OFFICES.len() + 1,
            q(&sentence(rng)),
            q(&sentence(rng)),
            q(&sentence(rng))
        );
        let _ = writeln!(
            out,
            "  [[supervision.indicators]]\n  name = \"检查覆盖率\"\n  target = \"100%\"\n"
        );
    }
    for s in 0..spread(SERVICES, DEPARTMENTS, d.index) {
        let _ = writeln!(
            out,
            "[[services]]\nid = \"v{:02}\"\ntitle = {}\ncategory = \"{}\"\ndescription = {}\nfrequency = \"每年一次\"\nsection = \"s{}\"\n",
            s + 1,
            q(&format!("{}服务", rng.pick(&OBJECTS))),
            SERVICE_KINDS[s % SERVICE_KINDS.len()],
            q(&sentence(rng)),
            s % OFFICES.len() + 1
        );
    }
    out
}

fn main() {
    let mut scale = 1usize;
    let mut seed = 1u64;
    let mut out: Option<PathBuf> = None;
    let mut workspace = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scale" => {
                scale = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            "--workspace" => workspace = true,
            _ if out.is_none() && !arg.starts_with('-') => out = Some(PathBuf::from(arg)),
            _ => usage(),
        }
    }
    let out = out.unwrap_or_else(|| usage());
    if let Err(err) = generate(&out, scale.max(1), seed, workspace) {
        eprintln!("synth: {err}");
        std::process::exit(1);
    }
}

fn usage() -> ! {
    eprintln!("usage: synth [--scale N] [--seed S] [--workspace] OUT");
    std::process::exit(2);
}

fn generate(out: &Path, scale: usize, seed: u64, workspace: bool) -> std::io::Result<()> {
    if out.exists() {
        fs::remove_dir_all(out)?;
    }
    fs::create_dir_all(out)?;
    let county = |c: usize| format!("c{:03}", c + 1);
    if workspace {
        let members: Vec<String> = (0..scale).map(|c| format!("\"{}\"", county(c))).collect();
        fs::write(
            out.join("resplist.toml"),
            format!(
                "[workspace]\ntitle = \"合成测试省（{scale} 个县）\"\npublished = 2026-01-01\nmembers = [{}]\n",
                members.join(", ")
            ),
        )?;
        for c in 0..scale {
            fs::create_dir_all(out.join(county(c)))?;
            fs::write(
                out.join(county(c)).join("resplist.toml"),
                format!(
                    "[site]\ntitle = \"第{n}县政府部门责任清单\"\njurisdiction = \"第{n}县\"\npublished = 2026-01-01\n",
                    n = c + 1
                ),
            )?;
        }
    } else {
        fs::write(
            out.join("resplist.toml"),
            format!(
                "[site]\ntitle = \"合成测试清单（{scale}×）\"\njurisdiction = \"合成测试区\"\npublished = 2026-01-01\n"
            ),
        )?;
    }
    let all: Vec<Department> = (0..scale)
        .flat_map(|county| {
            BUREAUS
                .iter()
                .enumerate()
                .map(move |(index, (id, name))| Department {
                    id: format!("c{:03}-{id}", county + 1),
                    name: format!("第{}县{name}", county + 1),
                    short: name.to_string(),
                    county,
                    index,
                })
        })
        .collect();
    let mut rng = Rng(seed);
    for d in &all {
        let dir = if workspace {
            out.join(county(d.county)).join("departments")
        } else {
            out.join("departments").join(county(d.county))
        };
        fs::create_dir_all(&dir)?;
        fs::write(
            dir.join(format!("{}.toml", d.id)),
            department_file(d, &all, &mut rng),
        )?;
    }
    println!("wrote {} departments to {}", all.len(), out.display());
    Ok(())
}
