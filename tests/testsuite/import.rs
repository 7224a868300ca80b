//! `resplist import` on workbooks laid out as county lists are: built here with rust_xlsxwriter
//! (one workbook with a sheet per block; one workbook per department, in a folder), the
//! committed `.xls` fixture (also under an `.xlsx` name), a GBK CSV; what each import must hold,
//! and that the report names every row it skipped. Then bad input, which writes nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use crate::common::{command, repo};

fn import(args: &[&Path], output: &Path) -> Output {
    command()
        .args(["--lang", "zh-CN", "import"])
        .args(args)
        .arg("--output")
        .arg(output)
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn department(project: &Path, id: &str) -> toml::Table {
    let path = project.join("departments").join(format!("{id}.toml"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.parse().unwrap()
}

fn list<'a>(table: &'a toml::Table, key: &str) -> Vec<&'a toml::Table> {
    table
        .get(key)
        .and_then(|v| v.as_array())
        .map(|a| a.iter().filter_map(|v| v.as_table()).collect())
        .unwrap_or_default()
}

fn s<'a>(table: &'a toml::Table, key: &str) -> &'a str {
    table.get(key).and_then(|v| v.as_str()).unwrap_or("")
}

/// Writes a row of texts from column A.
fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) {
    for (c, cell) in cells.iter().enumerate() {
        if !cell.is_empty() {
            ws.write_string(r, c as u16, *cell).unwrap();
        }
    }
}

/// One workbook of a county, a sheet per block, as a staffing office merges them: a title row
/// and 附件 row, synonym headers, 部门/序号/主要职责 merged over their work items, noisy phones,
/// a column no field takes, a total row; boundaries one row per party with the role after the
/// name, the lead by short name and the partner by full name; a sheet of notes with no header.
fn county_workbook(path: &Path) {
    let mut wb = Workbook::new();
    let merged = Format::new();
    let ws = wb.add_worksheet();
    ws.set_name("部门职责").unwrap();
    ws.merge_range(0, 0, 0, 7, "清溪县政府部门责任清单", &merged)
        .unwrap();
    row(ws, 1, &["（附件1）"]);
    row(
        ws,
        2,
        &[
            "序号",
            "部门",
            "主要职责",
            "职责依据",
            "工作事项",
            "责任处室",
            "联系电话",
            "联系人",
        ],
    );
    // 环保局: one duty over two items; 清溪县公安局: one duty over one item.
    ws.merge_range(3, 0, 4, 0, "1", &merged).unwrap();
    ws.merge_range(3, 1, 4, 1, "环保局", &merged).unwrap();
    ws.merge_range(3, 2, 4, 2, "负责环境污染防治的统一监督管理。", &merged)
        .unwrap();
    ws.merge_range(3, 3, 4, 3, "三定方案", &merged).unwrap();
    row(
        ws,
        3,
        &[
            "",
            "",
            "",
            "",
            "核发排污许可证。",
            "污染防治科",
            "0000－6301 0103 ",
            "王五",
        ],
    );
    row(
        ws,
        4,
        &["", "", "", "", "查处超标排污行为。", "环境监察大队"],
    );
    ws.write_number(4, 6, 63010106.0).unwrap();
    row(
        ws,
        5,
        &[
            "1",
            "清溪县公安局",
            "负责道路交通安全管理。",
            "三定方案",
            "查处交通违法行为。",
            "交警大队",
            "0000-6331 0002",
        ],
    );
    row(ws, 6, &["合计", "", "", "", "3 项"]);
    let ws = wb.add_worksheet();
    ws.set_name("职责边界").unwrap();
    row(ws, 0, &["序号", "边界事项", "部门", "职责", "模拟案例"]);
    ws.merge_range(1, 0, 2, 0, "1", &merged).unwrap();
    ws.merge_range(1, 1, 2, 1, "环境噪声污染监督管理", &merged)
        .unwrap();
    ws.merge_range(1, 4, 2, 4, "假如某娱乐场所深夜噪声扰民。", &merged)
        .unwrap();
    row(
        ws,
        1,
        &["", "", "环保局（牵头）", "负责工业噪声污染的监督管理。"],
    );
    row(
        ws,
        2,
        &["", "", "清溪县公安局（协办）", "负责社会生活噪声的查处。"],
    );
    let ws = wb.add_worksheet();
    ws.set_name("公共服务事项").unwrap();
    row(
        ws,
        0,
        &[
            "部门",
            "服务事项",
            "服务类别",
            "服务内容",
            "承办科室",
            "联系电话",
        ],
    );
    row(
        ws,
        1,
        &[
            "清溪县公安局",
            "身份证办理上门服务",
            "基础性",
            "为行动不便的老人上门办证。",
            "户政科",
            "0000-6331 0003",
        ],
    );
    let ws = wb.add_worksheet();
    ws.set_name("填表说明").unwrap();
    row(ws, 0, &["请各部门于月底前报送。"]);
    wb.save(path).unwrap();
}

#[test]
fn one_county_workbook_with_merges_synonyms_and_noise() {
    let tmp = tempfile::tempdir().unwrap();
    let book = tmp.path().join("清溪县责任清单.xlsx");
    county_workbook(&book);
    let out = tmp.path().join("p");
    let run = import(&[&book], &out);
    let said = text(&run);
    // Rows were skipped (the total, the notes sheet), so the import says so with exit 1.
    assert_eq!(run.status.code(), Some(1), "{said}");
    let huanbao = department(&out, "huanbao");
    assert_eq!(
        s(&huanbao, "short_name"),
        "",
        "only the short name was given: {huanbao:?}"
    );
    assert_eq!(s(&huanbao, "name"), "环保局");
    let sections = list(&huanbao, "sections");
    let phone_of = |name: &str| {
        sections
            .iter()
            .find(|t| s(t, "name") == name)
            .map(|t| s(t, "phone").to_string())
    };
    assert_eq!(phone_of("污染防治科").as_deref(), Some("0000-6301 0103"));
    assert_eq!(phone_of("环境监察大队").as_deref(), Some("63010106"));
    let duties = list(&huanbao, "duties");
    assert_eq!(duties.len(), 1, "the merged duty is one duty");
    let items = list(duties[0], "items");
    assert_eq!(items.len(), 2);
    assert_eq!(s(items[0], "text"), "核发排污许可证。");
    assert_eq!(
        s(items[0], "note"),
        "联系人：王五",
        "the cell no field takes is a note"
    );
    // The boundary: led by 环保局, the partner named by its full name is the same 公安局.
    let boundaries = list(&huanbao, "boundaries");
    assert_eq!(boundaries.len(), 1);
    let partners = list(boundaries[0], "partners");
    assert_eq!(s(partners[0], "department"), "gongan");
    let gongan = department(&out, "gongan");
    assert_eq!(s(&gongan, "name"), "清溪县公安局");
    assert_eq!(list(&gongan, "services").len(), 1);
    assert_eq!(s(list(&gongan, "services")[0], "category"), "basic");
    // The report names every skipped row and what is left to fill in, where.
    for place in [
        "清溪县责任清单.xlsx!部门职责!7",
        "清溪县责任清单.xlsx!填表说明!1",
    ] {
        assert!(said.contains(place), "{place} not reported:\n{said}");
    }
    assert!(
        said.contains("清溪县责任清单.xlsx!部门职责!H4“联系人”：王五"),
        "{said}"
    );
    let todo_line = said
        .lines()
        .find(|l| l.contains("还没有处置步骤"))
        .unwrap_or_else(|| panic!("no steps to fill in:\n{said}"));
    let at = todo_line.trim().split('：').next().unwrap();
    let line: usize = at.rsplit(':').next().unwrap().parse().unwrap();
    let file = fs::read_to_string(out.join("departments/huanbao.toml")).unwrap();
    assert!(
        file.lines().nth(line - 1).unwrap().starts_with("id = "),
        "{at} is not the boundary's line"
    );
    let resplist_toml = fs::read_to_string(out.join("resplist.toml")).unwrap();
    assert!(
        resplist_toml.contains("title = \"清溪县政府部门责任清单\""),
        "{resplist_toml}"
    );
    assert!(
        resplist_toml.contains("jurisdiction = \"清溪县\""),
        "{resplist_toml}"
    );
}

/// One workbook per department, in a folder: the department in the title row (填报单位) or the
/// file name, not in a column; a department named by its short name in one and its full name in
/// the other.
#[test]
fn one_workbook_per_department_in_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("各部门报送");
    fs::create_dir(&folder).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("主要职责").unwrap();
    row(ws, 0, &["清溪县环境保护局责任清单"]);
    row(
        ws,
        1,
        &[
            "序号",
            "主要职责",
            "依据",
            "具体工作事项",
            "承办科室",
            "联系电话",
        ],
    );
    row(
        ws,
        2,
        &[
            "1",
            "负责环境监测。",
            "三定方案",
            "开展水质监测。",
            "监测站",
            "0000-6301 0109",
        ],
    );
    let ws = wb.add_worksheet();
    ws.set_name("职责边界").unwrap();
    row(ws, 0, &["边界事项", "部门", "牵头/协办", "职责", "事例"]);
    row(
        ws,
        1,
        &[
            "水污染事故处置",
            "清溪县环境保护局",
            "牵头",
            "负责应急监测。",
            "假如江面出现死鱼。",
        ],
    );
    row(ws, 2, &["", "公安局", "协办", "负责现场警戒。"]);
    wb.save(folder.join("清溪县环境保护局.xlsx")).unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["填报单位：清溪县公安局"]);
    row(ws, 1, &["主要职责", "具体工作事项", "内设机构", "电话"]);
    row(
        ws,
        2,
        &[
            "负责户籍管理。",
            "办理户口迁移。",
            "户政科",
            "0000-6331 0003",
        ],
    );
    wb.save(folder.join("公安.xlsx")).unwrap();
    let out = tmp.path().join("p");
    let run = import(&[&folder], &out);
    let said = text(&run);
    let names: Vec<String> = fs::read_dir(out.join("departments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}\n{said}");
    let huanbao = department(&out, "huanbao");
    assert_eq!(s(&huanbao, "name"), "清溪县环境保护局");
    let partner = list(list(&huanbao, "boundaries")[0], "partners")[0];
    assert_eq!(s(partner, "department"), "gongan", "公安局 is 清溪县公安局");
    let gongan = department(&out, "gongan");
    let items = list(list(&gongan, "duties")[0], "items");
    assert_eq!(s(items[0], "text"), "办理户口迁移。");
    assert!(said.contains("清溪县："), "{said}");
}

/// The committed `.xls` (merges, title rows, phones typed as numbers), also under an `.xlsx`
/// name: the kind is in the bytes.
#[test]
fn an_old_xls_and_an_xls_named_xlsx_read_alike() {
    let tmp = tempfile::tempdir().unwrap();
    let fixture = repo().join("tests/spreadsheets/清溪县公安局.xls");
    let renamed = tmp.path().join("清溪县公安局.xlsx");
    fs::copy(&fixture, &renamed).unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let run = import(&[&fixture], &a);
    assert_eq!(
        run.status.code(),
        Some(1),
        "the total row is skipped: {}",
        text(&run)
    );
    assert!(
        text(&run).contains("清溪县公安局.xls!部门职责!7：合计行"),
        "{}",
        text(&run)
    );
    import(&[&renamed], &b);
    let (da, db) = (department(&a, "gongan"), department(&b, "gongan"));
    assert_eq!(da, db);
    let duties = list(&da, "duties");
    assert_eq!(duties.len(), 2);
    assert_eq!(
        list(duties[0], "items").len(),
        2,
        "序号 and 主要职责 merged over two items"
    );
    let sections = list(&da, "sections");
    assert_eq!(
        s(sections[0], "phone"),
        "63310001",
        "a phone typed as a number"
    );
    assert_eq!(
        s(sections[1], "phone"),
        "0000-6331 0002",
        "a full-width hyphen"
    );
    assert_eq!(
        list(&da, "services").len(),
        1,
        "the services sheet is the same department's"
    );
}

#[test]
fn a_gbk_csv_is_read_as_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = "序号,部门,主要职责,依据,工作事项,承办科室,联系电话\n1,清溪县林业局,负责森林防火。,三定方案,组织森林火灾扑救。,森林防火办公室,0000-6335 0001\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let path = tmp.path().join("林业局.csv");
    fs::write(&path, &gbk).unwrap();
    let out = tmp.path().join("p");
    let run = import(&[&path], &out);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run));
    let linye = department(&out, "linye");
    assert_eq!(s(&linye, "name"), "清溪县林业局");
    assert_eq!(s(list(&linye, "sections")[0], "name"), "森林防火办公室");
}

/// What `import` must refuse, each with its words, leaving nothing written.
#[test]
fn bad_input_gets_a_clear_message_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: Vec<(PathBuf, &str)> = vec![
        (not_a_spreadsheet(tmp.path()), "这不是表格文件"),
        (
            repo().join("tests/spreadsheets/加密.xlsx"),
            "设置了打开密码",
        ),
        (empty_sheet(tmp.path()), "工作表都是空的"),
        (no_header(tmp.path()), "找不到能认出的表头"),
        (huge(tmp.path()), "超过了 32.0 MB 的上限"),
        (zip_bomb(tmp.path()), "解压后有"),
        (far_cell(tmp.path()), "单元格太多"),
    ];
    for (n, (path, words)) in cases.into_iter().enumerate() {
        let out = tmp.path().join(format!("out{n}"));
        let run = import(&[&path], &out);
        let said = text(&run);
        assert_eq!(run.status.code(), Some(2), "{}: {said}", path.display());
        assert!(
            said.contains(words),
            "{}: {words:?} not in {said}",
            path.display()
        );
        assert!(!out.exists(), "{} wrote {}", path.display(), out.display());
    }
    // A folder that is not empty is refused without --force, and left as it was.
    let busy = tmp.path().join("busy");
    fs::create_dir(&busy).unwrap();
    fs::write(busy.join("笔记.txt"), "别删").unwrap();
    let book = tmp.path().join("清溪县责任清单.xlsx");
    county_workbook(&book);
    let run = import(&[&book], &busy);
    assert_eq!(run.status.code(), Some(2), "{}", text(&run));
    assert_eq!(fs::read_to_string(busy.join("笔记.txt")).unwrap(), "别删");
    assert!(!busy.join("resplist.toml").exists());
}

fn not_a_spreadsheet(dir: &Path) -> PathBuf {
    let path = dir.join("照片.xlsx");
    fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    path
}

fn empty_sheet(dir: &Path) -> PathBuf {
    let path = dir.join("空白.xlsx");
    let mut wb = Workbook::new();
    wb.add_worksheet();
    wb.save(&path).unwrap();
    path
}

fn no_header(dir: &Path) -> PathBuf {
    let path = dir.join("说明.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["本表由各部门填报"]);
    row(ws, 1, &["姓名", "年龄"]);
    wb.save(&path).unwrap();
    path
}

/// A 50 MB file with an `.xlsx` name.
fn huge(dir: &Path) -> PathBuf {
    let path = dir.join("大.xlsx");
    let file = fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    path
}

/// A sheet whose used area spans the whole grid: A1 and XFD1048576 (17 billion cells, were they
/// made dense).
fn far_cell(dir: &Path) -> PathBuf {
    let path = dir.join("远.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    row(ws, 0, &["主要职责", "具体工作事项"]);
    ws.write_string(1_048_575, 16_383, "远").unwrap();
    wb.save(&path).unwrap();
    path
}

/// A small zip whose one entry unpacks to 400 MB of zeros.
fn zip_bomb(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("炸弹.xlsx");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..400 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    path
}

/// The workbook of a build, imported, is the same list: `diff --exit-code` finds nothing and the
/// import checks clean (exit 0), on the sample, the English example and a synthetic county.
#[test]
fn the_workbook_of_a_build_imports_back_to_the_same_list() {
    let tmp = tempfile::tempdir().unwrap();
    let synthetic = tmp.path().join("synthetic");
    crate::common::generate("1", &synthetic);
    for project in [
        repo().join("data"),
        repo().join("examples/minimal"),
        synthetic,
    ] {
        let site = tmp.path().join("site");
        let _ = fs::remove_dir_all(&site);
        let built = command()
            .args(["build", "--quiet", "--allow-placeholders", "--output"])
            .arg(&site)
            .arg(&project)
            .output()
            .unwrap();
        assert!(built.status.success(), "{}", text(&built));
        let imported = tmp.path().join("imported");
        let _ = fs::remove_dir_all(&imported);
        let run = import(&[&site.join("opendata/resplist.xlsx")], &imported);
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}: {}",
            project.display(),
            text(&run)
        );
        let diff = command()
            .args(["diff", "--exit-code", "--dirs"])
            .arg(&project)
            .arg(&imported)
            .output()
            .unwrap();
        assert_eq!(
            diff.status.code(),
            Some(0),
            "{}: {}",
            project.display(),
            text(&diff)
        );
    }
}
