//! The sample county in `data/` and `examples/minimal`: they check clean, carry the counts the
//! README and the site promise, and exercise every field of the format at least once.

use crate::common::repo;
use resplist::check::check;
use resplist::load::load;
use resplist::model::Project;
use resplist::model::{PowerStatus, ServiceCategory, SupervisionCategory, Totals};

fn project(dir: &str) -> Project {
    load(&repo().join(dir)).unwrap()
}

#[test]
fn sample_county_checks_clean_with_its_counts() {
    let p = project("data");
    let diagnostics = check(&p);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let t = Totals::of(&p.departments);
    assert_eq!(
        t,
        Totals {
            departments: 15,
            duties: 90,
            work_items: 332,
            boundaries: 9,
            supervision: 45,
            services: 37
        }
    );
}

#[test]
fn minimal_example_checks_clean() {
    let p = project("examples/minimal");
    assert!(check(&p).is_empty());
    assert_eq!(Totals::of(&p.departments).departments, 2);
}

#[test]
fn sample_covers_every_category_and_status() {
    let p = project("data");
    let regimes: Vec<SupervisionCategory> = p
        .departments
        .iter()
        .flat_map(|d| &d.supervision)
        .map(|r| *r.get_ref().category.get_ref())
        .collect();
    for c in SupervisionCategory::ALL {
        assert!(regimes.contains(c), "no regime of category {c}");
    }
    let services: Vec<ServiceCategory> = p
        .departments
        .iter()
        .flat_map(|d| &d.services)
        .map(|s| *s.get_ref().category.get_ref())
        .collect();
    for c in ServiceCategory::ALL {
        assert!(services.contains(c), "no service of category {c}");
    }
    let statuses: Vec<PowerStatus> = p
        .departments
        .iter()
        .flat_map(|d| &d.powers)
        .map(|x| *x.get_ref().status.get_ref())
        .collect();
    for s in PowerStatus::ALL {
        assert!(statuses.contains(s), "no power with status {s}");
    }
}

#[test]
fn sample_exercises_every_optional_field() {
    let p = project("data");
    let site = p.site.as_ref().unwrap();
    let s = site.site.get_ref();
    assert!(s.language.is_some() && s.base_url.is_some() && s.published.is_some());
    assert!(s.feedback.is_some() && s.feedback_phone.is_some());
    assert!(
        site.build
            .as_ref()
            .is_some_and(|b| b.get_ref().output.is_some())
    );

    let ds = &p.departments;
    let any = |f: &dyn Fn(&resplist::model::Department) -> bool| ds.iter().any(f);
    assert!(any(&|d| d.short_name.is_some()
        && d.order.is_some()
        && d.phone.is_some()));
    assert!(any(&|d| d.address.is_some()
        && d.website.is_some()
        && d.summary.is_some()));
    assert!(any(&|d| d.powers.iter().any(|x| x
        .get_ref()
        .delegated_to
        .is_some()
        && !x.get_ref().basis.is_empty())));
    assert!(any(&|d| d
        .duties
        .iter()
        .any(|x| x.get_ref().note.is_some())));
    let items = || {
        ds.iter()
            .flat_map(|d| &d.duties)
            .flat_map(|x| &x.get_ref().items)
            .map(|i| i.get_ref())
    };
    assert!(items().any(|i| !i.powers.is_empty()));
    assert!(items().any(|i| i.note.is_some()));
    let regimes = || ds.iter().flat_map(|d| &d.supervision).map(|r| r.get_ref());
    assert!(regimes().any(|r| r.section.is_some()
        && r.procedure.is_some()
        && r.penalty.is_some()
        && !r.indicators.is_empty()));
    assert!(regimes().any(|r| r.powers.is_some()));
    let services = || ds.iter().flat_map(|d| &d.services).map(|s| s.get_ref());
    assert!(
        services().any(|s| s.description.is_some() && s.frequency.is_some() && s.section.is_some())
    );
    assert!(services().any(|s| s.beyond_statutory.as_ref().is_some_and(|b| *b.get_ref())));
    // A department in a subfolder, and a phone with an extension.
    assert!(
        p.department_files
            .values()
            .any(|f| f.components().count() > 2)
    );
    assert!(
        ds.iter()
            .flat_map(|d| &d.sections)
            .any(|s| s.get_ref().phone.get_ref().contains('转'))
    );
}

#[test]
fn sample_holds_the_seed_cases() {
    let p = project("data");
    let boundary = |id: &str| {
        p.departments
            .iter()
            .flat_map(|d| &d.boundaries)
            .map(|b| b.get_ref())
            .find(|b| b.id.get_ref() == id)
    };
    for id in [
        "water-pollution",
        "hazardous-chemicals",
        "waste-plastic-recycling",
        "illegal-parking",
        "environmental-noise",
        "food-safety",
    ] {
        assert!(boundary(id).is_some(), "boundary {id}");
    }
    assert!(
        boundary("hazardous-chemicals")
            .unwrap()
            .case
            .get_ref()
            .scenario
            .get_ref()
            .contains("25.8")
    );
    let guotu = p.department("guotu").unwrap();
    let homestead = guotu
        .supervision
        .iter()
        .map(|r| r.get_ref())
        .find(|r| r.id.get_ref() == "zhaijidi")
        .unwrap();
    let indicators: Vec<(&str, &str)> = homestead
        .indicators
        .iter()
        .map(|i| {
            (
                i.get_ref().name.get_ref().as_str(),
                i.get_ref().target.get_ref().as_str(),
            )
        })
        .collect();
    assert_eq!(indicators, [("卷宗检查率", "100%"), ("实地抽检率", "≥10%")]);
    let repair = p
        .department("jiaotong")
        .unwrap()
        .services
        .iter()
        .map(|s| s.get_ref())
        .find(|s| s.id.get_ref() == "qiche-weixiu")
        .unwrap();
    assert_eq!(
        repair.frequency.as_ref().map(|f| f.get_ref().as_str()),
        Some("每年一次")
    );
}
