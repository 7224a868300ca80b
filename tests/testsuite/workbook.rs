//! The Excel workbook every build writes (`opendata/resplist.xlsx`), read back with calamine: its
//! sheets, headers, rows and merges agree with the list, its names are those `resplist import`
//! reads, it is the same bytes every build, the pages offer it; and the CSVs beside it open in
//! Excel (a byte order mark, office names beside office ids).

use std::fs;
use std::path::Path;

use calamine::{Data, Dimensions, Reader, Xlsx, open_workbook, open_workbook_auto};
use resplist::import::columns::{Block, header};
use resplist::model::Language;

use crate::common::{build, repo};

const WORKBOOK: &str = "opendata/resplist.xlsx";

/// Every sheet's name, in order.
fn sheet_names(path: &Path) -> Vec<String> {
    open_workbook_auto(path).unwrap().sheet_names()
}

/// A sheet as text, row by row: numbers as written (`1`), empty cells as "".
fn sheet(path: &Path, name: &str) -> Vec<Vec<String>> {
    let range = open_workbook_auto(path)
        .unwrap()
        .worksheet_range(name)
        .unwrap();
    assert_eq!(range.start(), Some((0, 0)), "{name} starts at A1");
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => panic!("{name}: unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

/// The merged ranges of a sheet.
fn merges(path: &Path, name: &str) -> Vec<Dimensions> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.merge_cells_by_sheet_name(name).unwrap()
}

/// The sheet with each merged range's value in every row it covers, as a reader of the paper
/// form sees it.
fn filled(path: &Path, name: &str) -> Vec<Vec<String>> {
    let mut rows = sheet(path, name);
    for m in merges(path, name) {
        let (row, col) = (m.start.0 as usize, m.start.1 as usize);
        let value = rows[row][col].clone();
        for covered in &mut rows[row..=m.end.0 as usize] {
            covered[col] = value.clone();
        }
    }
    rows
}

/// The column `key` of a sheet, found by its header.
fn column(rows: &[Vec<String>], key: &str, language: Language) -> usize {
    let name = header(key, language);
    rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]))
}

/// The rows whose column `key` holds `text`.
fn rows_with<'r>(rows: &'r [Vec<String>], key: &str, text: &str) -> Vec<&'r Vec<String>> {
    let at = column(rows, key, Language::ZhCn);
    rows.iter().filter(|r| r[at] == text).collect()
}

/// How many rows each block's sheet must have, counted from the checked list.
fn expected_rows(project: &Path) -> Vec<(Block, usize)> {
    let project = resplist::load::load(project).unwrap();
    let (_, checked) = resplist::check::checked(&project, true).unwrap();
    let checked = checked.unwrap();
    let departments: Vec<_> = checked.departments().iter().collect();
    let sum = |f: &dyn Fn(&resplist::check::LinkedDepartment<'_>) -> usize| {
        departments.iter().map(|d| f(d)).sum::<usize>()
    };
    let boundaries = checked.boundaries();
    vec![
        (Block::Departments, sum(&|d| d.model.sections.len().max(1))),
        (
            Block::Duties,
            sum(&|d| d.duties.iter().map(|x| x.items.len().max(1)).sum()),
        ),
        (
            Block::Boundaries,
            boundaries.iter().map(|b| 1 + b.partners.len()).sum(),
        ),
        (Block::Steps, boundaries.iter().map(|b| b.steps.len()).sum()),
        (Block::Supervision, sum(&|d| d.supervision.len())),
        (Block::Services, sum(&|d| d.services.len())),
        (Block::Powers, sum(&|d| d.model.powers.len())),
    ]
}

#[test]
fn the_sample_county_workbook_has_a_sheet_per_block_with_every_row() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("data"), tmp.path());
    let path = tmp.path().join(WORKBOOK);
    assert_eq!(
        sheet_names(&path),
        [
            "清单信息",
            "部门与科室",
            "部门职责",
            "职责边界",
            "模拟案例步骤",
            "事中事后监管制度",
            "公共服务事项",
            "权力事项"
        ]
    );
    let expected = expected_rows(&repo().join("data"));
    let counts: Vec<usize> = expected.iter().map(|(_, n)| *n).collect();
    // The sample county's own figures (docs/opendata.md): 332 work items, 45 regimes, 37 services.
    assert_eq!(counts[1], 332, "{expected:?}");
    assert_eq!((counts[4], counts[5]), (45, 37));
    for (block, rows) in expected {
        let name = block.sheet_name(Language::ZhCn);
        let sheet = sheet(&path, name);
        let headers: Vec<&str> = block
            .columns()
            .iter()
            .filter(|k| !(block == Block::Departments && **k == "department"))
            .map(|k| header(k, Language::ZhCn))
            .collect();
        assert_eq!(sheet[0], headers, "{name}");
        assert_eq!(sheet.len() - 1, rows, "{name}: one row per entry");
    }
    assert_eq!(
        sheet(&path, "部门职责")[0],
        [
            "序号",
            "部门",
            "主要职责",
            "依据",
            "具体工作事项",
            "责任科室",
            "联系电话",
            "备注",
            "职责备注",
            "权力事项编号",
            "部门编号",
            "职责编号",
            "科室编号"
        ]
    );
}

#[test]
fn the_about_sheet_names_the_list() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("data"), tmp.path());
    assert_eq!(
        sheet(&tmp.path().join(WORKBOOK), "清单信息"),
        [
            ["名称", "内容"],
            ["标题", "春江县政府部门责任清单"],
            ["行政区", "春江县"],
            ["语言", "zh-CN"],
            ["发布日期", "2015-10-15"],
            ["网址", "https://zrqd.chunjiang.example/"],
            ["意见反馈", "mailto:zrqd@chunjiang.example"],
            ["意见反馈电话", "0000-6300 12345"],
        ]
    );
}

#[test]
fn duties_merge_over_their_work_items_and_every_item_has_its_office_and_phone() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("data"), tmp.path());
    let path = tmp.path().join(WORKBOOK);
    let rows = filled(&path, "部门职责");
    let item = rows_with(
        &rows,
        "item",
        "依法核定排污单位排放污染物的种类和数量，按月征收排污费并公告重点排污单位缴费情况。",
    );
    assert_eq!(item.len(), 1);
    let cell = |key| item[0][column(&rows, key, Language::ZhCn)].as_str();
    assert_eq!(cell("section"), "环境监察大队");
    assert_eq!(cell("phone"), "0000-6301 0106 转 8001");
    assert_eq!(cell("section_id"), "jcdd");
    assert_eq!(cell("powers"), "zs-paiwufei");
    // Merged over the duty's rows, and filled in from the merge.
    assert_eq!(cell("department"), "环保局");
    assert_eq!(cell("department_id"), "huanbao");
    assert_eq!(cell("duty_id"), "d03");
    assert_eq!(cell("seq"), "3");

    // The first duty of the first department (环保局, order 10) starts the sheet: 序号 1, and its
    // seven merged columns span exactly its rows.
    let raw = sheet(&path, "部门职责");
    assert_eq!(raw[1][0], "1");
    let (duty, department) = (
        column(&rows, "duty_id", Language::ZhCn),
        column(&rows, "department_id", Language::ZhCn),
    );
    let first_duty = rows
        .iter()
        .filter(|r| r[duty] == "d01" && r[department] == "huanbao")
        .count();
    assert!(first_duty >= 2, "{first_duty}");
    let merged = merges(&path, "部门职责");
    let at_first: Vec<u32> = merged
        .iter()
        .filter(|m| m.start.0 == 1)
        .map(|m| {
            assert_eq!(m.start.1, m.end.1, "merged down one column");
            assert_eq!(m.end.0 as usize, first_duty, "{m:?}");
            m.start.1
        })
        .collect();
    let mut at_first = at_first;
    at_first.sort();
    assert_eq!(at_first, [0, 1, 2, 3, 8, 10, 11]);
    // Seven merges for every duty of two or more items, none for the others.
    let project = resplist::load::load(&repo().join("data")).unwrap();
    let long_duties: usize = project
        .departments
        .iter()
        .flat_map(|d| &d.duties)
        .filter(|d| d.get_ref().items.len() >= 2)
        .count();
    assert_eq!(merged.len(), 7 * long_duties);
    // The basis, one per line, is merged too: the item, d03's fourth, has its duty's.
    assert_eq!(
        cell("basis"),
        "三定方案\n《中华人民共和国环境影响评价法》第二十二条\n《中华人民共和国环境保护法》第四十四条\n《中华人民共和国环境保护法》第四十五条"
    );
}

#[test]
fn departments_boundaries_regimes_and_services_read_as_the_list_says() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("data"), tmp.path());
    let path = tmp.path().join(WORKBOOK);

    let departments = filled(&path, "部门与科室");
    let office = rows_with(&departments, "section_id", "ydgl");
    assert_eq!(office.len(), 1);
    let cell =
        |rows: &[Vec<String>], row: &[String], key| row[column(rows, key, Language::ZhCn)].clone();
    assert_eq!(cell(&departments, office[0], "section"), "用地管理科");
    assert_eq!(cell(&departments, office[0], "phone"), "0000-6311 0103");
    assert_eq!(cell(&departments, office[0], "department_id"), "guotu");
    let huanbao = rows_with(&departments, "department_id", "huanbao");
    assert_eq!(huanbao.len(), 6, "one row per office");
    assert_eq!(
        cell(&departments, huanbao[5], "department_phone"),
        "0000-6301 0000"
    );
    assert_eq!(cell(&departments, huanbao[0], "order"), "10");
    assert!(
        cell(&departments, huanbao[0], "summary").contains("**统一监督管理**"),
        "Markdown as written"
    );

    let boundaries = filled(&path, "职责边界");
    let water = rows_with(&boundaries, "boundary_id", "water-pollution");
    let parties: Vec<(String, String)> = water
        .iter()
        .map(|r| {
            (
                cell(&boundaries, r, "department_id"),
                cell(&boundaries, r, "role"),
            )
        })
        .collect();
    assert_eq!(parties[0], ("huanbao".into(), "牵头".into()));
    assert_eq!(parties[1], ("nongye".into(), "协办".into()));
    assert_eq!(parties[2], ("shuili".into(), "协办".into()));
    assert_eq!(cell(&boundaries, water[2], "area"), "环境保护");
    assert!(cell(&boundaries, water[0], "duty").starts_with("负责水污染防治的统一监督管理"));
    assert_eq!(cell(&boundaries, water[0], "seq"), "1");

    let regimes = sheet(&path, "事中事后监管制度");
    let homestead = rows_with(&regimes, "regime", "农村村民住宅用地审批事项监管");
    let r = homestead[0];
    assert_eq!(cell(&regimes, r, "category"), "委托下放权力");
    assert_eq!(
        cell(&regimes, r, "indicators"),
        "卷宗检查率：100%\n实地抽检率：≥10%"
    );
    assert_eq!(
        cell(&regimes, r, "measures"),
        "每季度书面检查宅基地审批卷宗不少于1次\n每季度实地检查不少于1次"
    );
    assert_eq!(cell(&regimes, r, "section"), "用地管理科");
    assert_eq!(cell(&regimes, r, "phone"), "0000-6311 0103");
    assert_eq!(cell(&regimes, r, "powers"), "sp-zhaijidi");

    let services = sheet(&path, "公共服务事项");
    let flags = column(&services, "beyond_statutory", Language::ZhCn);
    assert!(
        services[1..]
            .iter()
            .all(|r| r[flags] == "是" || r[flags] == "否")
    );
    assert!(services[1..].iter().any(|r| r[flags] == "是"));
}

#[test]
fn an_english_site_writes_english_sheets_headers_and_labels() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("examples/minimal"), tmp.path());
    let path = tmp.path().join(WORKBOOK);
    assert_eq!(
        sheet_names(&path),
        [
            "About",
            "Departments and offices",
            "Duties",
            "Boundaries",
            "Mock case steps",
            "Supervision regimes",
            "Public services",
            "Powers"
        ]
    );
    assert_eq!(
        sheet(&path, "Duties")[0],
        [
            "No.",
            "Department",
            "Main duty",
            "Basis",
            "Work item",
            "Office",
            "Phone",
            "Remarks",
            "Duty remarks",
            "Powers",
            "Department id",
            "Duty id",
            "Office id"
        ]
    );
    assert_eq!(
        sheet(&path, "About"),
        [
            ["Name", "Value"],
            ["Title", "Maple County Responsibility List"],
            ["Jurisdiction", "Maple County"],
            ["Language", "en"],
            ["Published", "2026-01-15"],
            ["Feedback", ""],
            ["Feedback phone", ""],
        ]
    );
    for (block, rows) in expected_rows(&repo().join("examples/minimal")) {
        let name = block.sheet_name(Language::En);
        assert_eq!(sheet(&path, name).len() - 1, rows, "{name}");
    }
    let boundaries = sheet(&path, "Boundaries");
    let role = column(&boundaries, "role", Language::En);
    let roles: Vec<&str> = boundaries[1..].iter().map(|r| r[role].as_str()).collect();
    assert_eq!(roles, ["lead", "partner"]);
    let regimes = sheet(&path, "Supervision regimes");
    let category = column(&regimes, "category", Language::En);
    assert_eq!(regimes[1][category], "approvals");
    let services = sheet(&path, "Public services");
    let flag = column(&services, "beyond_statutory", Language::En);
    assert_eq!(services[1][flag], "no");
    let steps = sheet(&path, "Mock case steps");
    assert_eq!(
        steps[2][..3],
        ["Illegal dumping into the river", "2", "Transport"]
    );
}

#[test]
fn two_builds_write_the_same_workbook() {
    let tmp = tempfile::tempdir().unwrap();
    for project in ["data", "examples/minimal"] {
        let a = tmp.path().join(format!("{}-a", project.replace('/', "-")));
        let b = tmp.path().join(format!("{}-b", project.replace('/', "-")));
        build(Path::new(project), &a);
        // Past the second a creation time would be written in.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        build(Path::new(project), &b);
        let (a, b) = (
            fs::read(a.join(WORKBOOK)).unwrap(),
            fs::read(b.join(WORKBOOK)).unwrap(),
        );
        assert!(a.starts_with(b"PK"), "{project}: a zip file");
        assert!(a == b, "{project}: the workbook differs between two builds");
    }
}

#[test]
fn the_home_page_offers_the_workbook_with_its_size_and_department_pages_link_it() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("data"), tmp.path());
    let bytes = fs::metadata(tmp.path().join(WORKBOOK)).unwrap().len();
    assert!(bytes > 10_000 && bytes < 1024 * 1024, "{bytes}");
    let size = format!("{} KB", bytes.div_ceil(1024));
    let home = fs::read_to_string(tmp.path().join("index.html")).unwrap();
    assert!(
        home.contains(&format!(
            "<a href=\"opendata/resplist.xlsx\">下载 Excel 工作簿（{size}）</a>"
        )),
        "{home}"
    );
    let page = fs::read_to_string(tmp.path().join("departments/huanbao.html")).unwrap();
    assert!(
        page.contains("<a href=\"../opendata/resplist.xlsx\">下载 Excel 工作簿</a>"),
        "{page}"
    );
}

/// A CSV's header and rows, after its byte order mark (which it must have).
fn csv_table(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let bytes = fs::read(path).unwrap();
    let text = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or_else(|| panic!("{} has no byte order mark", path.display()));
    assert!(!text.starts_with(b"\xEF\xBB\xBF"), "one mark only");
    let mut reader = csv::Reader::from_reader(text);
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn csvs_open_in_excel_with_office_names_beside_office_ids() {
    let tmp = tempfile::tempdir().unwrap();
    build(Path::new("data"), tmp.path());
    let opendata = tmp.path().join("opendata");
    let mut csvs = 0;
    for entry in fs::read_dir(&opendata).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            csv_table(&path);
            csvs += 1;
        }
    }
    assert_eq!(csvs, 11);
    let (header, sections) = csv_table(&opendata.join("sections.csv"));
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let office = |department: &str, id: &str| {
        sections
            .iter()
            .find(|r| r[at("department")] == department && r[at("id")] == id)
            .map(|r| r[at("name")].clone())
    };
    for (table, rows_expected) in [("work_items", 332), ("supervision", 45), ("services", 37)] {
        let (header, rows) = csv_table(&opendata.join(format!("{table}.csv")));
        let id = header.iter().position(|h| h == "section").unwrap();
        assert_eq!(header[id + 1], "section_name", "{table}: {header:?}");
        let department = header.iter().position(|h| h == "department").unwrap();
        assert_eq!(rows.len(), rows_expected, "{table}");
        let mut named = 0;
        for row in &rows {
            if row[id].is_empty() {
                assert_eq!(row[id + 1], "", "{table}: a name without an id");
                continue;
            }
            assert_eq!(
                Some(row[id + 1].clone()),
                office(&row[department], &row[id]),
                "{table}: {row:?}"
            );
            named += 1;
        }
        assert!(named > 0, "{table}");
    }
    // The package describes the new columns, so that `frictionless validate` still passes.
    let package: serde_json::Value =
        serde_json::from_slice(&fs::read(opendata.join("datapackage.json")).unwrap()).unwrap();
    for resource in package["resources"].as_array().unwrap() {
        let names: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        let has_office = names.contains(&"section") && resource["name"] != "sections";
        assert_eq!(
            names.contains(&"section_name"),
            has_office,
            "{}: {names:?}",
            resource["name"]
        );
    }
}
