//! `#[derive(Described)]` for resplist's model types: each field's key, Chinese label, English
//! label and kind, written once on the field, become the type's `Described` description, which
//! fmt, diff, open data, search and the schema read instead of listing the fields again.
//!
//! ```text
//! #[derive(Described)]
//! #[entity(key = "service", name = "public service", zh = "公共服务事项", title = "title")]
//! pub struct PublicService {
//!     #[field(kind = Text, zh = "服务频次", en = "How often")]
//!     pub frequency: Option<Spanned<String>>,
//!     #[field(skip)]
//!     lookup: OnceLock<Lookup>,
//! }
//! ```
//! `kind` may be left out where the field's Rust type implies it (numbers, dates, enums, tables
//! and lists of tables); a string needs it. The generated code names `crate::model::describe`,
//! so the derive serves the resplist crate only.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr, parse_macro_input};

#[proc_macro_derive(Described, attributes(entity, field))]
pub fn derive_described(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.to_compile_error().into(),
    }
}

/// `#[entity(...)]`: how the type is named in reports and which field is its title.
struct EntityAttr {
    key: LitStr,
    name: LitStr,
    zh: LitStr,
    title: Option<LitStr>,
}

/// `#[field(...)]` of one field, or `None` for `#[field(skip)]`.
struct FieldAttr {
    kind: Option<Ident>,
    zh: LitStr,
    en: LitStr,
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let entity = entity_attr(input)?;
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(name, "Described is for structs"));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(
            name,
            "Described needs named fields",
        ));
    };
    let mut descriptions = Vec::new();
    let mut values = Vec::new();
    let mut texts = Vec::new();
    let mut keys = Vec::new();
    for field in &fields.named {
        let Some(attr) = field_attr(field)? else {
            continue;
        };
        let Some(ident) = &field.ident else {
            continue;
        };
        let ty = &field.ty;
        let key = LitStr::new(&ident.to_string(), Span::call_site());
        let (zh, en) = (&attr.zh, &attr.en);
        let kind = match &attr.kind {
            Some(kind) => quote! { crate::model::describe::Kind::#kind },
            None => {
                let missing = format!(
                    "field `{ident}` of `{name}`: its type implies no kind, so #[field] needs `kind = …`"
                );
                quote! {
                    match <#ty as crate::model::describe::Slot>::KIND {
                        Some(kind) => kind,
                        None => panic!(#missing),
                    }
                }
            }
        };
        descriptions.push(quote! {
            crate::model::describe::Field {
                key: #key,
                zh: #zh,
                en: #en,
                kind: #kind,
                required: <#ty as crate::model::describe::Slot>::REQUIRED,
            }
        });
        values.push(quote! { crate::model::describe::Slot::value(&self.#ident) });
        texts.push(quote! { crate::model::describe::Slot::texts(&self.#ident) });
        keys.push(ident.to_string());
    }
    let (key, label, zh) = (&entity.key, &entity.name, &entity.zh);
    let title = match &entity.title {
        Some(title) => {
            if !keys.iter().any(|k| *k == title.value()) {
                return Err(syn::Error::new_spanned(
                    title,
                    "no described field has this name",
                ));
            }
            quote! { Some(#title) }
        }
        None => quote! { None },
    };
    let count = values.len();
    Ok(quote! {
        impl crate::model::describe::Described for #name {
            fn description() -> &'static crate::model::describe::Entity {
                // Statics, not consts: one description at one address, however often it is asked for.
                static FIELDS: [crate::model::describe::Field; #count] = [#(#descriptions),*];
                static ENTITY: crate::model::describe::Entity = crate::model::describe::Entity {
                    key: #key,
                    name: #label,
                    zh: #zh,
                    title: #title,
                    fields: &FIELDS,
                };
                &ENTITY
            }

            fn entity(&self) -> &'static crate::model::describe::Entity {
                Self::description()
            }

            fn values(&self) -> Vec<(&'static crate::model::describe::Field, crate::model::describe::Value<'_>)> {
                let values: [crate::model::describe::Value<'_>; #count] = [#(#values),*];
                Self::description().fields.iter().zip(values).collect()
            }

            fn texts(&self) -> Vec<(&'static crate::model::describe::Field, Vec<&crate::model::Spanned<String>>)> {
                let texts: [Vec<&crate::model::Spanned<String>>; #count] = [#(#texts),*];
                Self::description().fields.iter().zip(texts).collect()
            }
        }
    })
}

fn entity_attr(input: &DeriveInput) -> syn::Result<EntityAttr> {
    let mut key = None;
    let mut name = None;
    let mut zh = None;
    let mut title = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("entity")) {
        attr.parse_nested_meta(|meta| {
            let value: LitStr = meta.value()?.parse()?;
            if meta.path.is_ident("key") {
                key = Some(value);
            } else if meta.path.is_ident("name") {
                name = Some(value);
            } else if meta.path.is_ident("zh") {
                zh = Some(value);
            } else if meta.path.is_ident("title") {
                title = Some(value);
            } else {
                return Err(meta.error("expected key, name, zh or title"));
            }
            Ok(())
        })?;
    }
    let missing = |what: &str| {
        syn::Error::new_spanned(
            &input.ident,
            format!("Described needs #[entity({what} = \"…\")]"),
        )
    };
    Ok(EntityAttr {
        key: key.ok_or_else(|| missing("key"))?,
        name: name.ok_or_else(|| missing("name"))?,
        zh: zh.ok_or_else(|| missing("zh"))?,
        title,
    })
}

/// Every field must say what it is, or that it is not part of the format (`#[field(skip)]`), so
/// that a new field cannot be left out of the description by forgetting it.
fn field_attr(field: &syn::Field) -> syn::Result<Option<FieldAttr>> {
    let Some(attr) = field.attrs.iter().find(|a| a.path().is_ident("field")) else {
        return Err(syn::Error::new_spanned(
            field,
            "describe this field with #[field(kind = …, zh = \"…\", en = \"…\")], or mark it #[field(skip)]",
        ));
    };
    let mut skip = false;
    let mut kind = None;
    let mut zh = None;
    let mut en = None;
    attr.parse_nested_meta(|meta| {
        if meta.path.is_ident("skip") {
            skip = true;
        } else if meta.path.is_ident("kind") {
            kind = Some(meta.value()?.parse::<Ident>()?);
        } else if meta.path.is_ident("zh") {
            zh = Some(meta.value()?.parse::<LitStr>()?);
        } else if meta.path.is_ident("en") {
            en = Some(meta.value()?.parse::<LitStr>()?);
        } else {
            return Err(meta.error("expected skip, kind, zh or en"));
        }
        Ok(())
    })?;
    if skip {
        return Ok(None);
    }
    let missing =
        |what: &str| syn::Error::new_spanned(attr, format!("#[field] needs {what} = \"…\""));
    Ok(Some(FieldAttr {
        kind,
        zh: zh.ok_or_else(|| missing("zh"))?,
        en: en.ok_or_else(|| missing("en"))?,
    }))
}
