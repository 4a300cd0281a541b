use quote::quote;

pub fn preamble(world: &str) -> proc_macro2::TokenStream {
    quote! {
        wit_bindgen::generate!({
            world: #world,
            path: "wit",
            exports: {
                "example:app/handler": Handler
            }
        });
        pub struct Handler;
    }
}
