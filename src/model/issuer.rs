//! What kind of body publishes a report, which sets when it must be published: since the
//! Regulations of 2019 (国务院令第711号, 第四十九条) a government department by 31 January and
//! a people's government (its report compiled by its office) by 31 March of the next year;
//! under the Regulations of 2008 (第三十一条) every body by 31 March.

use schemars::JsonSchema;
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum IssuerKind {
    /// A people's government (县级以上人民政府, 乡镇人民政府), its report published by 31 March.
    Government,
    /// A department or other body (局, 委员会, 办公室 …), its report published by 31 January.
    Department,
}

impl IssuerKind {
    /// The kind a name says: a people's government, or its general office compiling the
    /// government's report (「…人民政府办公厅」「…人民政府办公室」); anything else a department.
    pub fn of(issuer: &str) -> IssuerKind {
        let name = issuer.trim();
        let government = ["人民政府", "人民政府办公厅", "人民政府办公室"]
            .iter()
            .any(|end| name.ends_with(end));
        if government {
            IssuerKind::Government
        } else {
            IssuerKind::Department
        }
    }

    /// The last day, (month, day) of the year after `year`, on which the report of `year`
    /// may be published.
    pub fn deadline(self, year: u16) -> (u8, u8) {
        match self {
            // Reports on 2018 and before were due under the Regulations of 2008.
            _ if year <= 2018 => (3, 31),
            IssuerKind::Government => (3, 31),
            IssuerKind::Department => (1, 31),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_says_the_kind() {
        for government in [
            "重庆市人民政府",
            "重庆市人民政府办公厅",
            "示例市云溪区人民政府办公室",
            "某镇人民政府",
        ] {
            assert_eq!(IssuerKind::of(government), IssuerKind::Government, "{government}");
        }
        for department in [
            "国家税务总局重庆市税务局",
            "重庆市教育委员会",
            "某区人民政府研究室办公室局",
            "某区市场监督管理局",
        ] {
            assert_eq!(IssuerKind::of(department), IssuerKind::Department, "{department}");
        }
    }

    #[test]
    fn deadlines_follow_the_regulations_in_force() {
        assert_eq!(IssuerKind::Department.deadline(2018), (3, 31));
        assert_eq!(IssuerKind::Department.deadline(2019), (1, 31));
        assert_eq!(IssuerKind::Government.deadline(2024), (3, 31));
    }
}
