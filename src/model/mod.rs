//! The one typed resume model every reader produces and every writer consumes: the JSON Resume
//! schema (v1), with fields the schema does not know kept in `extra`, in the author's order.
//!
//! Serialising a [`Resume`] with serde *is* the JSON Resume output: nothing is templated.

pub mod conform;
mod date;
pub mod limits;

pub use date::{ACCEPTED_DATE_FORMS, DateError, PartialDate, days_in_month, is_valid_year};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The schema's list sections, in schema order.
pub const LIST_SECTIONS: [&str; 11] = [
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
];

/// Fields a reader found but the schema does not define; written back unchanged.
pub type Extra = IndexMap<String, serde_json::Value>;

/// Declares a schema object: every field optional, camelCase on the wire, empty ones omitted,
/// unknown ones kept.
macro_rules! schema_object {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(default, skip_serializing_if = "Empty::is_empty")]
                pub $field: $ty,
            )*
            /// Fields the schema does not define, kept verbatim.
            #[serde(flatten)]
            pub extra: Extra,
        }
    };
}

/// "Nothing to write": lets one `skip_serializing_if` serve options and lists alike.
pub trait Empty {
    fn is_empty(&self) -> bool;
}

impl<T> Empty for Option<T> {
    fn is_empty(&self) -> bool {
        self.is_none()
    }
}

impl<T> Empty for Vec<T> {
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
}

schema_object!(
    /// A whole resume document.
    Resume {
        #[serde(rename = "$schema")]
        schema: Option<String>,
        basics: Option<Basics>,
        work: Vec<Work>,
        volunteer: Vec<Volunteer>,
        education: Vec<Education>,
        awards: Vec<Award>,
        certificates: Vec<Certificate>,
        publications: Vec<Publication>,
        skills: Vec<Skill>,
        languages: Vec<Language>,
        interests: Vec<Interest>,
        references: Vec<Reference>,
        projects: Vec<Project>,
        meta: Option<Meta>,
    }
);

schema_object!(Basics {
    name: Option<String>,
    label: Option<String>,
    image: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    url: Option<String>,
    summary: Option<String>,
    location: Option<Location>,
    profiles: Vec<Profile>,
});

schema_object!(Location {
    address: Option<String>,
    postal_code: Option<String>,
    city: Option<String>,
    country_code: Option<String>,
    region: Option<String>,
});

schema_object!(Profile {
    network: Option<String>,
    username: Option<String>,
    url: Option<String>,
});

schema_object!(Work {
    name: Option<String>,
    location: Option<String>,
    description: Option<String>,
    position: Option<String>,
    url: Option<String>,
    start_date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    summary: Option<String>,
    highlights: Vec<String>,
});

schema_object!(Volunteer {
    organization: Option<String>,
    position: Option<String>,
    url: Option<String>,
    start_date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    summary: Option<String>,
    highlights: Vec<String>,
});

schema_object!(Education {
    institution: Option<String>,
    url: Option<String>,
    area: Option<String>,
    study_type: Option<String>,
    start_date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    score: Option<String>,
    courses: Vec<String>,
});

schema_object!(Award {
    title: Option<String>,
    date: Option<PartialDate>,
    awarder: Option<String>,
    summary: Option<String>,
});

schema_object!(Certificate {
    name: Option<String>,
    date: Option<PartialDate>,
    url: Option<String>,
    issuer: Option<String>,
});

schema_object!(Publication {
    name: Option<String>,
    publisher: Option<String>,
    release_date: Option<PartialDate>,
    url: Option<String>,
    summary: Option<String>,
});

schema_object!(Skill {
    name: Option<String>,
    level: Option<String>,
    keywords: Vec<String>,
});

schema_object!(Language {
    language: Option<String>,
    fluency: Option<String>,
});

schema_object!(Interest {
    name: Option<String>,
    keywords: Vec<String>,
});

schema_object!(Reference {
    name: Option<String>,
    reference: Option<String>,
});

schema_object!(Project {
    name: Option<String>,
    description: Option<String>,
    highlights: Vec<String>,
    keywords: Vec<String>,
    start_date: Option<PartialDate>,
    end_date: Option<PartialDate>,
    url: Option<String>,
    roles: Vec<String>,
    entity: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
});

schema_object!(Meta {
    canonical: Option<String>,
    version: Option<String>,
    last_modified: Option<String>,
});

impl Resume {
    /// The person's name, if the resume gives one.
    pub fn name(&self) -> Option<&str> {
        self.basics.as_ref()?.name.as_deref().filter(|n| !n.trim().is_empty())
    }

    /// Whether any section has content: an empty resume renders as an empty page.
    pub fn is_blank(&self) -> bool {
        self == &Resume::default()
    }

    /// The JSON Resume document, pretty-printed, with a final newline.
    pub fn to_json_pretty(&self) -> String {
        // A model built from owned strings and maps always serialises.
        let mut out = serde_json::to_string_pretty(self).unwrap_or_else(|_| String::from("{}"));
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_survive_a_round_trip_in_order() {
        let src = r#"{"basics":{"name":"Ada","pronouns":"she/her","x-custom":{"a":1}},"work":[{"name":"Acme","startDate":"2019-04","team":"Core"}],"customSection":[1,2]}"#;
        let r: Resume = serde_json::from_str(src).unwrap();
        assert_eq!(r.basics.as_ref().unwrap().extra["pronouns"], "she/her");
        assert_eq!(serde_json::to_string(&r).unwrap(), src);
    }

    #[test]
    fn empty_fields_are_not_written() {
        let r = Resume { work: vec![Work::default()], ..Default::default() };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"work":[{}]}"#);
    }

    #[test]
    fn project_type_uses_the_schema_name() {
        let r: Resume = serde_json::from_str(r#"{"projects":[{"type":"application"}]}"#).unwrap();
        assert_eq!(r.projects[0].kind.as_deref(), Some("application"));
        assert!(serde_json::to_string(&r).unwrap().contains(r#""type":"application""#));
    }
}
