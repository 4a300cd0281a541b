use wasmtime::component::{Resource, ResourceTable};

mod bindings {
    wasmtime::component::bindgen!({
        world: "sandbox",
        trappable_imports: ["abort", "[method]handle.read", "exists", "now", "write"],
        with: {
            "acme:sandbox/files/handle": super::Handle,
        },
    });
}

use bindings::acme::sandbox::files::{Host, HostHandle};
use bindings::acme::sandbox::types::FileError;

pub struct Handle {
    bytes: Vec<u8>,
}

pub struct Sandbox {
    table: ResourceTable,
}

impl Host for Sandbox {
    fn exists(&mut self, path: String) -> wasmtime::Result<bool> {
        Ok(!path.is_empty())
    }
}

impl HostHandle for Sandbox {
    fn new(&mut self, path: String) -> Resource<Handle> {
        self.table.push(Handle { bytes: path.into_bytes() }).unwrap()
    }

    fn read(&mut self, h: Resource<Handle>, len: u32) -> wasmtime::Result<Result<Vec<u8>, FileError>> {
        let h = self.table.get(&h)?;
        Ok(Ok(h.bytes.iter().copied().take(len as usize).collect()))
    }

    fn size(&mut self, h: Resource<Handle>) -> u64 {
        self.table.get(&h).map(|h| h.bytes.len() as u64).unwrap_or(0)
    }

    fn open_count(&mut self) -> u32 {
        0
    }

    fn drop(&mut self, h: Resource<Handle>) -> wasmtime::Result<()> {
        self.table.delete(h)?;
        Ok(())
    }
}

impl bindings::acme::sandbox::types::Host for Sandbox {
    fn describe(&mut self, e: FileError) -> String {
        format!("{e:?}")
    }
}

impl bindings::wasi::clocks::monotonic_clock::Host for Sandbox {
    fn now(&mut self) -> wasmtime::Result<u64> {
        Ok(0)
    }
}

impl bindings::log::Host for Sandbox {
    fn write(&mut self, line: String) -> wasmtime::Result<()> {
        println!("{line}");
        Ok(())
    }
}

impl bindings::SandboxImports for Sandbox {
    fn abort(&mut self, reason: String) -> wasmtime::Result<()> {
        Err(wasmtime::Error::msg(format!("guest aborted: {reason}")))
    }
}
