use wit_bindgen::rt::async_support::futures::future;

pub async fn ready_value() -> u32 {
    future::ready(7).await
}
