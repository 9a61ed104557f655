//! A key–value storage: localStorage in the browser (`web.rs`), a map in
//! tests and where the browser denies storage.

use std::collections::BTreeMap;
use std::sync::Mutex;

/// A key–value storage. Errors are the browser's words (quota, denied).
pub trait Kv {
    fn get(&self, key: &str) -> Result<Option<String>, String>;
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str) -> Result<(), String>;
    fn keys(&self) -> Result<Vec<String>, String>;
}

/// In-memory storage (tests, and the fallback when localStorage is denied).
#[derive(Debug, Default)]
pub struct MemKv(pub Mutex<BTreeMap<String, String>>);

impl MemKv {
    /// A copy of everything stored (tests compare before and after).
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.0.lock().map(|m| m.clone()).unwrap_or_default()
    }
}

impl Kv for MemKv {
    fn get(&self, key: &str) -> Result<Option<String>, String> {
        Ok(self.0.lock().map_err(|e| e.to_string())?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.0
            .lock()
            .map_err(|e| e.to_string())?
            .insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), String> {
        self.0.lock().map_err(|e| e.to_string())?.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, String> {
        Ok(self
            .0
            .lock()
            .map_err(|e| e.to_string())?
            .keys()
            .cloned()
            .collect())
    }
}
