use quote::quote;

pub fn preamble(world: &str, http: bool) -> proc_macro2::TokenStream {
    let export_decl = if http {
        quote!("example:app/handler": Handler)
    } else {
        quote!("example:app/events": Handler)
    };
    quote! {
        wit_bindgen::generate!({
            world: #world,
            path: "wit",
            exports: {
                #export_decl
            }
        });
        pub struct Handler;
    }
}
