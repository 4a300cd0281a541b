use {
    anyhow::Result,
    async_trait::async_trait,
    wasmtime::component::Linker,
};

/// The project's own async trait: it keeps #[async_trait], and so do its impls.
#[async_trait]
pub trait Host {
    async fn start(&mut self) -> Result<()>;
}

pub struct Runner;

#[async_trait]
impl crate::Host for Runner {
    async fn start(&mut self) -> Result<()> {
        Ok(())
    }
}

pub mod guest {
    use super::*;

    wasmtime::component::bindgen!({
        inline: "
            package example:tests;
            interface clock { now: func() -> u64; }
            world tests {
                import clock;
                import output: func(line: string);
            }
        ",
        async: true,
    });

    pub struct Ctx;

    impl TestsImports for Ctx {
        async fn output(&mut self, line: String) {
            println!("{line}");
        }
    }

    impl example::tests::clock::Host for Ctx {
        async fn now(&mut self) -> u64 {
            0
        }
    }

    pub fn link(linker: &mut Linker<Ctx>) -> Result<()> {
        Tests::add_to_linker(linker, |c| c)
    }
}
