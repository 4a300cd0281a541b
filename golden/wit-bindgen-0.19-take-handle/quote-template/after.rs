use quote::quote;

pub fn conversions() -> proc_macro2::TokenStream {
    quote! {
        impl From<bindings::Request> for ::sdk::Request {
            fn from(r: bindings::Request) -> Self {
                unsafe { Self::from_handle(r.take_handle()) }
            }
        }
    }
}
