//! The release wasm is split into a start module and chunks loaded on first use
//! (`scripts/split.mjs`); the splitter follows the linker's relocations, so the wasm binary
//! keeps them. Only the final link of the binary is affected, not the dependencies.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bins=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
