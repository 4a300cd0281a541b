// The host method calls, with `?`, a helper of another file that returns anyhow's Result: that
// file names neither wasmtime nor a Host trait, and is still read to find the helper's type.
mod checks;
mod text;

use wasmtime::component::bindgen;

bindgen!({
    inline: "
        package demo:names;

        interface registry {
            claim: func(name: string) -> bool;
        }

        world host {
            import registry;
        }
    ",
    imports: { default: trappable },
});

use demo::names::registry::Host;

#[derive(Default)]
pub struct Registry {
    taken: Vec<String>,
}

impl Host for Registry {
    fn claim(&mut self, name: String) -> anyhow::Result<bool> {
        checks::valid_name(&name)?;
        let Some(name) = text::normalized(&name) else {
            return Ok(false);
        };
        if self.taken.contains(&name) {
            return Ok(false);
        }
        self.taken.push(name);
        Ok(true)
    }
}
