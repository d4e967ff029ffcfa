//! The one typed resume model every reader produces and every writer consumes: the JSON Resume
//! schema (v1), with fields the schema does not know kept in `extra`, in the author's order.
//!
//! Serialising a [`Resume`] with serde *is* the JSON Resume output: nothing is templated.

pub mod conform;
mod date;
pub mod limits;
pub mod schema;

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

/// Declares a schema object: every field optional, named on the wire as given, empty ones
/// omitted, unknown ones kept; and its [`schema::Shape`], the same fields as data. A field reads
/// `rust_name: Type = "wireName" Kind`, with `Object(Type)`/`Objects(Type)` for nested objects.
macro_rules! schema_object {
    ($(#[$meta:meta])* $name:ident {
        $($(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $kind:ident $(($inner:ty))?),* $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            $(
                $(#[$fmeta])*
                #[serde(rename = $wire, default, skip_serializing_if = "Empty::is_empty")]
                pub $field: $ty,
            )*
            /// Fields the schema does not define, kept verbatim.
            #[serde(flatten)]
            pub extra: Extra,
        }

        impl schema::Schema for $name {
            const SHAPE: &'static schema::Shape = &schema::Shape {
                name: stringify!($name),
                fields: &[$(schema::Field {
                    name: $wire,
                    kind: schema::Kind::$kind $((<$inner as schema::Schema>::SHAPE))?,
                }),*],
            };
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
        schema: Option<String> = "$schema" Url,
        basics: Option<Basics> = "basics" Object(Basics),
        work: Vec<Work> = "work" Objects(Work),
        volunteer: Vec<Volunteer> = "volunteer" Objects(Volunteer),
        education: Vec<Education> = "education" Objects(Education),
        awards: Vec<Award> = "awards" Objects(Award),
        certificates: Vec<Certificate> = "certificates" Objects(Certificate),
        publications: Vec<Publication> = "publications" Objects(Publication),
        skills: Vec<Skill> = "skills" Objects(Skill),
        languages: Vec<Language> = "languages" Objects(Language),
        interests: Vec<Interest> = "interests" Objects(Interest),
        references: Vec<Reference> = "references" Objects(Reference),
        projects: Vec<Project> = "projects" Objects(Project),
        meta: Option<Meta> = "meta" Object(Meta),
    }
);

schema_object!(Basics {
    name: Option<String> = "name" Text,
    label: Option<String> = "label" Text,
    image: Option<String> = "image" Text,
    email: Option<String> = "email" Email,
    phone: Option<String> = "phone" Text,
    url: Option<String> = "url" Url,
    summary: Option<String> = "summary" Text,
    location: Option<Location> = "location" Object(Location),
    profiles: Vec<Profile> = "profiles" Objects(Profile),
});

schema_object!(Location {
    address: Option<String> = "address" Text,
    postal_code: Option<String> = "postalCode" Text,
    city: Option<String> = "city" Text,
    country_code: Option<String> = "countryCode" Text,
    region: Option<String> = "region" Text,
});

schema_object!(Profile {
    network: Option<String> = "network" Text,
    username: Option<String> = "username" Text,
    url: Option<String> = "url" Url,
});

schema_object!(Work {
    name: Option<String> = "name" Text,
    location: Option<String> = "location" Text,
    description: Option<String> = "description" Text,
    position: Option<String> = "position" Text,
    url: Option<String> = "url" Url,
    start_date: Option<PartialDate> = "startDate" Date,
    end_date: Option<PartialDate> = "endDate" Date,
    summary: Option<String> = "summary" Text,
    highlights: Vec<String> = "highlights" Texts,
});

schema_object!(Volunteer {
    organization: Option<String> = "organization" Text,
    position: Option<String> = "position" Text,
    url: Option<String> = "url" Url,
    start_date: Option<PartialDate> = "startDate" Date,
    end_date: Option<PartialDate> = "endDate" Date,
    summary: Option<String> = "summary" Text,
    highlights: Vec<String> = "highlights" Texts,
});

schema_object!(Education {
    institution: Option<String> = "institution" Text,
    url: Option<String> = "url" Url,
    area: Option<String> = "area" Text,
    study_type: Option<String> = "studyType" Text,
    start_date: Option<PartialDate> = "startDate" Date,
    end_date: Option<PartialDate> = "endDate" Date,
    score: Option<String> = "score" Text,
    courses: Vec<String> = "courses" Words,
});

schema_object!(Award {
    title: Option<String> = "title" Text,
    date: Option<PartialDate> = "date" Date,
    awarder: Option<String> = "awarder" Text,
    summary: Option<String> = "summary" Text,
});

schema_object!(Certificate {
    name: Option<String> = "name" Text,
    date: Option<PartialDate> = "date" Date,
    url: Option<String> = "url" Url,
    issuer: Option<String> = "issuer" Text,
});

schema_object!(Publication {
    name: Option<String> = "name" Text,
    publisher: Option<String> = "publisher" Text,
    release_date: Option<PartialDate> = "releaseDate" Date,
    url: Option<String> = "url" Url,
    summary: Option<String> = "summary" Text,
});

schema_object!(Skill {
    name: Option<String> = "name" Text,
    level: Option<String> = "level" Text,
    keywords: Vec<String> = "keywords" Words,
});

schema_object!(Language {
    language: Option<String> = "language" Text,
    fluency: Option<String> = "fluency" Text,
});

schema_object!(Interest {
    name: Option<String> = "name" Text,
    keywords: Vec<String> = "keywords" Words,
});

schema_object!(Reference {
    name: Option<String> = "name" Text,
    reference: Option<String> = "reference" Text,
});

schema_object!(Project {
    name: Option<String> = "name" Text,
    description: Option<String> = "description" Text,
    highlights: Vec<String> = "highlights" Texts,
    keywords: Vec<String> = "keywords" Words,
    start_date: Option<PartialDate> = "startDate" Date,
    end_date: Option<PartialDate> = "endDate" Date,
    url: Option<String> = "url" Url,
    roles: Vec<String> = "roles" Words,
    entity: Option<String> = "entity" Text,
    kind: Option<String> = "type" Text,
});

schema_object!(Meta {
    canonical: Option<String> = "canonical" Url,
    version: Option<String> = "version" Text,
    last_modified: Option<String> = "lastModified" Text,
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
