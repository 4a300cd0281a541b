use wasmtime::component::{Resource, ResourceTable};

pub struct OpenFile(Vec<u8>);

#[derive(Debug)]
pub enum FsError {
    Io(std::io::Error),
    NotFound,
}

wasmtime::component::bindgen!({
    world: "fs",
    with: { "acme:files/types/handle": OpenFile },
    trappable_error_type: { "acme:files/types/file-error" => FsError },
    imports: { default: trappable },
});

use acme::files::types::{FileError, Host, HostHandle};

pub struct FsHost {
    table: ResourceTable,
}

impl Host for FsHost {
    fn open(&mut self, path: String) -> Result<Resource<OpenFile>, FsError> {
        let bytes = std::fs::read(path).map_err(FsError::Io)?;
        Ok(self.table.push(OpenFile(bytes)).map_err(|_| FsError::NotFound)?)
    }

    fn convert_file_error(&mut self, err: FsError) -> wasmtime::Result<FileError> {
        match err {
            FsError::NotFound => Ok(FileError::NotFound),
            FsError::Io(e) => Err(e.into()),
        }
    }
}

impl HostHandle for FsHost {
    fn read(&mut self, h: Resource<OpenFile>, len: u32) -> Result<Vec<u8>, FsError> {
        let f = self.table.get(&h).map_err(|_| FsError::NotFound)?;
        Ok(f.0.iter().copied().take(len as usize).collect())
    }

    fn drop(&mut self, h: Resource<OpenFile>) -> wasmtime::Result<()> {
        self.table.delete(h)?;
        Ok(())
    }
}
