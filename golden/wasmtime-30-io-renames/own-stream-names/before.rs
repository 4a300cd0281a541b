use bytes::Bytes;
use wasmtime::component::{Resource, ResourceTable};
use wasmtime_wasi::{async_trait, HostInputStream, HostOutputStream, StreamError, StreamResult, Subscribe};

mod table;

/// The program's own stream types reuse the names wasmtime-wasi 30 gives the traits.
pub struct InputStream {
    data: Bytes,
}

pub enum OutputStream {
    Open(Vec<u8>),
    Closed,
}

impl HostInputStream for InputStream {
    fn read(&mut self, size: usize) -> StreamResult<Bytes> {
        if self.data.is_empty() {
            return Err(StreamError::Closed);
        }
        let n = size.min(self.data.len());
        Ok(self.data.split_to(n))
    }
}

#[async_trait]
impl Subscribe for InputStream {
    async fn ready(&mut self) {}
}

impl HostOutputStream for OutputStream {
    fn write(&mut self, bytes: Bytes) -> StreamResult<()> {
        match self {
            OutputStream::Open(buf) => {
                buf.extend_from_slice(&bytes);
                Ok(())
            }
            OutputStream::Closed => Err(StreamError::Closed),
        }
    }

    fn flush(&mut self) -> StreamResult<()> {
        Ok(())
    }

    fn check_write(&mut self) -> StreamResult<usize> {
        Ok(4096)
    }
}

#[async_trait]
impl Subscribe for OutputStream {
    async fn ready(&mut self) {}
}

pub fn open_write(table: &mut ResourceTable) -> wasmtime::Result<Resource<Box<dyn HostOutputStream>>> {
    let stream: Box<dyn HostOutputStream> = Box::new(OutputStream::Open(Vec::new()));
    Ok(table.push(stream)?)
}

pub fn open_read(table: &mut ResourceTable, data: Bytes) -> wasmtime::Result<Resource<Box<dyn HostInputStream>>> {
    table::push_input(table, Box::new(InputStream { data }))
}
